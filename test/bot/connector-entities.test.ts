import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { keepEntityProperties } from "../../bot/connector-entities.js";
import { citationEntity } from "../../bot/presenter.js";

const require = createRequire(import.meta.url);

describe("entities on their way to the Bot Connector", () => {
  it("a Teams citation entity keeps its citations and AI label through the connector's own serialiser", () => {
    const Mappers = require("botframework-connector/lib/connectorApi/models/mappers.js") as Record<string, object>;
    const { createSerializer } = require("botbuilder-stdlib/lib/azureCoreHttpCompat") as { createSerializer: (m: object) => { serialize: (m: object, v: object, n: string) => unknown } };
    keepEntityProperties();
    const entity = citationEntity(
      [{ file: "f.txt", title: "Working Together to Safeguard Children 2023", section: "Strategy discussion", paragraph: "153", quote: "A strategy discussion..." }],
      true,
    );
    const mention = { type: "mention", text: "<at>Bot</at>", mentioned: { id: "28:bot", name: "Bot" } };
    const out = createSerializer(Mappers).serialize(Mappers.Activity as object, { type: "message", text: "x [1]", entities: [entity, mention] }, "activity") as {
      entities: Record<string, unknown>[];
    };
    expect(out.entities[0]).toEqual(entity);
    expect(out.entities[0]?.additionalType).toEqual(["AIGeneratedContent"]);
    expect(out.entities[1]).toEqual(mention);
  });
});
