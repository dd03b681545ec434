import { describe, expect, it } from "vitest";
import { saysChildSafety } from "../../records/decisions.js";

/**
 * Working Together 2023 (ch. 3): the discussion considers the child's welfare and safety now. Notes say it of the child
 * by name or initials, with where and with whom they sleep, or where they must not go; each form below is the decision
 * recorded. A professional meeting the family tonight is a task, not where the child stays.
 */
describe("where the child stays, said of the child by name", () => {
  it.each([
    "KJ home w mum tonight",
    "O to aunt's (mat) tonight – aunt agreed, mum agreed on phone 1610",
    "Jac tonight with paternal aunt Rhian in Pontypool, agreed with dad",
    "Poppy w/ MGM (Sandra) overnight + since",
    "M home with parents tonight, parents to supervise devices",
    "YP at home tonight; mum to keep her phone overnight",
    "Tyler is back home with mum; mum is worried and onside",
    "J not to go home tonight",
    "baby not to be discharged without Children's Services agreement",
    "Child currently w MGM, mum agreed no unsupervised care until s47 decision",
    "at home; MGM moving in to supervise all care until medical done",
  ])("'%s' says how the child is kept safe", (line) => {
    expect(saysChildSafety(line)).toBe(true);
  });

  it.each(["DC Lloyd to speak with dad tonight", "SW to visit mum tonight", "Home visit to see the child tomorrow", "SW to ring dad at work tonight"])(
    "'%s' is a task, not where the child stays",
    (line) => {
      expect(saysChildSafety(line)).toBe(false);
    },
  );
});

describe("a line or block labelled as the child's safety", () => {
  // The label names the child's safety (by "safety", "immediate safety" or the child's name), sometimes with when or
  // where, then what keeps the child safe, after a colon, a dash, a table's bar or tab, or under it as a heading.
  it.each([
    "Safety: Rhys living with dad, dad protective",
    "Immediate safety – kids to nan's",
    "Amira's safety this weekend: dad keeping her home",
    "Amira's safety | admitted to the ward for observation",
    "Baby's safety at birth\tBirth plan agreed with midwifery",
    "Safety\tPhone handed to police",
    "Safety\nRhys living with dad, dad protective",
  ])("'%s' says how the child is kept safe", (line) => {
    expect(saysChildSafety(line)).toBe(true);
  });

  it.each(["Safety concerns about dad's drinking", "road safety talk at school last term", "online safety lesson – Y8"])(
    "'%s' mentions safety but keeps nobody safe",
    (line) => {
      expect(saysChildSafety(line)).toBe(false);
    },
  );
});

describe("the safety label walked from its grammar", () => {
  // What was decided about the child's safety and welfare, labelled: safety or welfare (of the child, by a word or a
  // name), perhaps as a plan or arrangements, with when it holds (now, tonight, in the interim, until or pending
  // something, at birth or on discharge) or where (at home, in hospital, in placement), then what was decided.
  it.each([
    "Welfare: Mia staying with grandparents, mum agreed",
    "Safety and welfare tonight – children with mum at refuge",
    "Safety plan pending the medical: no contact with stepdad",
    "Baby's safety on discharge – discharge to mother and baby unit only",
    "Child's welfare in the interim | remains on the ward",
    "Safety arrangements at home: uncle moving in",
    "Sami's safety until dad is interviewed – dad to stay at his brother's",
  ])("'%s' says how the child is kept safe", (line) => {
    expect(saysChildSafety(line)).toBe(true);
  });

  it.each(["Welfare concerns – dad's drinking", "Safety lead: Mrs Khan (DSL)", "Welfare check by police last night, no answer"])(
    "'%s' labels no decision about the child's safety",
    (line) => {
      expect(saysChildSafety(line)).toBe(false);
    },
  );
});
