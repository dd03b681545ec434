import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface CompositeMapper {
  type: { name: string; additionalProperties?: { type: { name: string } } };
}

/**
 * botframework-connector 4.23 serialises an outgoing activity's entities with a mapper
 * that knows only `type`, `text` and `mentioned`: everything else is dropped on the
 * way to the Bot Connector, so Teams got `{ type: "https://schema.org/Message" }` with
 * no citations and no "AI generated" label. The Bot Framework schema defines an entity
 * as any schema.org object, so let the mapper keep every property. Idempotent.
 */
export function keepEntityProperties(): void {
  const mappers = require("botframework-connector/lib/connectorApi/models/mappers.js") as { Entity?: CompositeMapper };
  const entity = mappers.Entity;
  if (!entity || entity.type.name !== "Composite") {
    throw new Error("botframework-connector's Entity mapper has changed: check that citations still reach Teams.");
  }
  entity.type.additionalProperties ??= { type: { name: "Object" } };
}
