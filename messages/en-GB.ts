/**
 * The words the conversation shows, keyed by message id (STYLE.md 5d). Domain code
 * returns codes and values; the bot and the dialogs word them from here, so a Welsh
 * catalogue is one more file of the same shape.
 */
export const EN_GB = {
  "help.intro":
    "I answer questions about child protection procedures in England and Wales from the guidance I hold, and I show where each answer comes from.",
  "help.can": "You can:",
  "help.ask": "Ask a procedure question, for example \"who has to be at a strategy discussion?\"",
  "help.next": "Ask what happens next, for example \"strategy discussion done, s47 agreed: what happens next?\"",
  "help.deadline": "Work out a deadline, for example \"when is the ICPC due if the strat was on 14/5/2025?\"",
  "help.draft": "Draft a strategy discussion record: type \"draft a strategy record\", or \"draft:\" followed by your notes",
  "help.commands": "Type cancel to stop what we are doing, or start again.",
  "help.limits":
    "If a child is in immediate danger, call 999. I am not a replacement for your Designated Safeguarding Lead, your manager or your local procedures.",
  "welcome.hello": "Hello, I am the safeguarding assistant.",
  "dialog.help": "We are {doing}. Answer the question below, or type skip to leave it, cancel to stop, or start again.",
  "dialog.cancelled": "Stopped. Nothing was kept. What would you like to do?",
  "dialog.nothingToCancel": "There is nothing to cancel. What would you like to do?",
  "dialog.startAgain": "Starting again. Nothing was kept.",
  "dialog.pausedForDanger":
    "I've paused {doing} so you can act on this first. Type resume to carry on where you were, or cancel to stop.",
  "dialog.pausedForQuestion": "I've paused {doing} to answer that. Type resume to carry on where you were, or cancel to stop.",
  "dialog.stillPaused": "{Doing} is paused. Type resume to carry on, or cancel to stop.",
  "dialog.resumed": "Carrying on with {doing}.",
  "dialog.nothingToResume": "There is nothing paused to carry on with. What would you like to do?",
  "dialog.finishFirst": "You have {doing} paused. Type resume to carry on with it, or cancel to stop it, before starting something new.",
  "group.private":
    "Drafting a record or walking through a child's situation is done in a private chat with me, so nothing about a child is posted here. {how}",
  "group.privateSent": "I've sent you a private message to carry on there.",
  "group.privateOpen": "Please open a chat with me directly (search for the safeguarding assistant in Chat) and type your request there.",
  "input.empty": "Please type your question (I did not receive any text).",
  "input.tooLong":
    "That message is too long for me to work with ({length} characters; the limit is {limit}). I have checked all of it for signs of danger. Please send your question or notes in smaller parts.",
  "input.unknownAction": "I could not tell what that button was for. Please type what you would like to do.",
  "input.slowDown":
    "You are sending messages faster than I can answer them, so I have not answered that one. Please wait a few seconds and send it again. If a child is in immediate danger, call 999.",
  "state.unavailable":
    "I cannot reach my conversation memory at the moment, so I could not answer that or keep your place. Please try again in a minute. If a child is in immediate danger, call 999.",
  "state.conflict":
    "Several of your messages arrived at the same moment and I could not record this one. Please send it again.",
  "deadline.askDate": "What was the date of the {event}? For example 14/05/2025, 2025-05-14 or \"yesterday\".",
  "deadline.retryDate": "{error} Please give the date again (for example 14/05/2025), or type cancel.",
  "deadline.doing": "working out a deadline",
  "record.doing": "your strategy discussion record",
  "record.kept": "A copy of this draft has been kept in your organisation's records folder.",
  "answer.notCoveredAfterSignpost": "",
  "feedback.thanks": "Thank you for the feedback.",
  "choice.typed": "You can also type your answer.",
} as const;

export type MessageId = keyof typeof EN_GB;
