import { describe, expect, it } from "vitest";
import { fixedClock } from "../../core/clock.js";
import { createDeadlineCalculator } from "../../deadlines/index.js";
import { draftFromNotes } from "../../records/index.js";

const calculator = createDeadlineCalculator();
const draft = (notes: string) => draftFromNotes(notes, { clock: fixedClock("2026-03-10T12:00:00Z"), calculator });
const people = (notes: string) => draft(notes).record.attendees.map((a) => [a.name, a.role_code, a.status]);

// A team, service or trust written as an acronym straight after a role or an agency is whose team it is; an
// acronym after a whole name is their team, not more of the name.
describe("a team or trust written as an acronym beside a person", () => {
  const cases: [string, string, string][] = [
    ["Kay Munro – HV (QXHT)", "Kay Munro", "health_visitor"],
    ["Dr Ash Rees paeds QXH", "Dr Ash Rees", "paediatrician"],
    ["Ola Price, TM QXAT team", "Ola Price", "team_manager"],
    ["DC Sam Ito QXAU", "DC Sam Ito", "detective"],
    ["Mrs Ito the DSL at Larchfield school", "Mrs Ito", "dsl"],
  ];
  for (const [line, name, role] of cases) {
    it(`when the list says "${line}", the one person is ${name}, ${role}`, () => {
      const read = people(`Strategy discussion 10/03/2026\nPresent:\nAmy Rowe - SW (chair)\n${line}\n\nConcerns:\nBruise.`);
      expect(read).toEqual([
        ["Amy Rowe", "social_worker", "took_part"],
        [name, role, "took_part"],
      ]);
    });
  }

  it("when a surname is written in capitals after a first name, it stays the name", () => {
    const read = people("Strategy discussion 10/03/2026\nPresent:\nAmy ROWE (SW)\n\nConcerns:\nBruise.");
    expect(read).toEqual([["Amy ROWE", "social_worker", "took_part"]]);
  });
});
