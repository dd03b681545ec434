import { ApiError, getEvents, getPathway, postDeadline } from "./api.js";
import { h, sources } from "./dom.js";
import { connectToTeams } from "./teams.js";
import type { DeadlineResponse, PathwayResponse } from "../bot/tab-contract.js";

type Jurisdiction = "england" | "wales";

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function problem(message: string): HTMLElement {
  return h("p", { class: "problem", role: "alert" }, message);
}

function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : "Something went wrong. Please try again.";
}

function jurisdictionOf(form: HTMLFormElement): Jurisdiction {
  return new FormData(form).get("jurisdiction") === "wales" ? "wales" : "england";
}

/** The deadlines worked out: each with its date, the rule, the days passed over and the guidance's words. */
function renderDeadlines(r: DeadlineResponse): HTMLElement {
  const items = r.deadlines.map((d) =>
    h(
      "li",
      { class: "deadline" },
      h("h4", {}, `${d.label}: ${d.due_label}`),
      h("p", { class: "rule" }, `Rule: ${d.rule_text}.`),
      h("p", {}, d.explanation),
      d.skipped.length > 0 &&
        h(
          "div",
          { class: "skipped" },
          h("p", {}, "Bank holidays passed over:"),
          h("ul", {}, ...d.skipped.map((s) => h("li", {}, `${s.date_label}: ${s.reason}`))),
        ),
      !d.calendar_confirmed && h("p", { class: "warning" }, "Provisional: bank holidays for this period are not confirmed yet."),
      sources(d.citations, "h5"),
    ),
  );
  return h(
    "div",
    { class: "deadline-result" },
    r.signpost && h("p", { class: "signpost", role: "alert" }, r.signpost.text),
    h("h3", { tabindex: "-1", id: "deadline-heading" }, `From the ${r.event_label} on ${r.event_date_label}`),
    h("p", { class: "reading" }, `Date read as ${r.event_date_interpretation}.${r.event_date_ambiguous ? ` ${r.event_date_ambiguous}` : ""}`),
    ...r.warnings.map((w) => h("p", { class: "warning" }, w)),
    items.length > 0 && h("ol", { class: "deadlines" }, ...items),
    items.length > 0 &&
      h("p", {}, h("a", { href: r.ics, download: `safeguarding-deadlines-${r.event}-${r.event_date}.ics`, class: "button" }, "Add these dates to your calendar (.ics)")),
    items.length > 0 && h("p", { class: "conventions" }, `How I count: ${r.conventions}`),
  );
}

/** The pathway at a glance: one collapsible section per stage, with its steps, who does them and when. */
function renderPathway(p: PathwayResponse): HTMLElement {
  return h(
    "ol",
    { class: "stages" },
    ...p.stages.map((s) =>
      h(
        "li",
        { class: "stage" },
        h(
          "details",
          {},
          h("summary", {}, h("span", { class: "stage-title" }, s.title)),
          h("p", {}, s.summary),
          ...s.warnings.map((w) => h("p", { class: "warning" }, w)),
          h(
            "ol",
            { class: "steps" },
            ...s.steps.map((step) =>
              h(
                "li",
                {},
                h("h4", {}, step.title),
                h(
                  "dl",
                  {},
                  h("dt", {}, "Who"),
                  h("dd", {}, step.who.join("; ")),
                  h("dt", {}, "When"),
                  h("dd", {}, step.timescale ?? "The sources give no timescale."),
                ),
                h("p", {}, step.detail),
                sources(step.citations, "h5"),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

async function setUpDeadlines(): Promise<void> {
  const form = byId<HTMLFormElement>("deadline-form");
  const select = byId<HTMLSelectElement>("event");
  const result = byId<HTMLDivElement>("deadline-result");
  try {
    const { events } = await getEvents();
    select.replaceChildren(...events.map((e) => h("option", { value: e.id }, e.label.charAt(0).toUpperCase() + e.label.slice(1))));
    const strat = events.find((e) => e.id === "strategy_discussion");
    if (strat) select.value = strat.id;
  } catch (e) {
    result.replaceChildren(problem(errorText(e)));
  }
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const date = byId<HTMLInputElement>("date");
    if (date.value.trim() === "") {
      date.setAttribute("aria-invalid", "true");
      result.replaceChildren(problem("Type the date, for example 14/05/2025."));
      date.focus();
      return;
    }
    date.removeAttribute("aria-invalid");
    const button = form.querySelector("button[type=submit]") as HTMLButtonElement;
    button.disabled = true;
    result.setAttribute("aria-busy", "true");
    postDeadline({ event: select.value, date: date.value, jurisdiction: jurisdictionOf(form) })
      .then((r) => {
        result.replaceChildren(renderDeadlines(r));
        byId<HTMLElement>("deadline-heading").focus();
      })
      .catch((e: unknown) => {
        date.setAttribute("aria-invalid", "true");
        result.replaceChildren(problem(errorText(e)));
      })
      .finally(() => {
        button.disabled = false;
        result.removeAttribute("aria-busy");
      });
  });
}

async function showPathway(jurisdiction: Jurisdiction): Promise<void> {
  const target = byId<HTMLDivElement>("pathway");
  target.setAttribute("aria-busy", "true");
  try {
    target.replaceChildren(renderPathway(await getPathway(jurisdiction)));
  } catch (e) {
    target.replaceChildren(problem(errorText(e)));
  } finally {
    target.removeAttribute("aria-busy");
  }
}

function setUpPathway(): void {
  const picker = byId<HTMLFieldSetElement>("pathway-jurisdiction");
  picker.addEventListener("change", () => {
    const chosen = picker.querySelector<HTMLInputElement>("input:checked");
    void showPathway(chosen?.value === "wales" ? "wales" : "england");
  });
  void showPathway("england");
}

async function main(): Promise<void> {
  // The page works at once; the Teams theme is applied when (and if) Teams answers.
  void connectToTeams().then((inTeams) => {
    document.documentElement.dataset.host = inTeams ? "teams" : "browser";
  });
  setUpPathway();
  await setUpDeadlines();
}

void main();
