// The local web chat page: Bot Framework Web Chat (the standard client, served from this
// server) talking to the bot through this server's Direct Line-compatible transport
// (/v3/directline, polling, no cloud Direct Line), with offline voice by default.
import { createOfflineSpeechPonyfillFactory } from "./speech.js";

const WebChat = window.WebChat;
const host = document.getElementById("webchat");
const status = document.getElementById("status");
const alertRegion = document.getElementById("alert");
const voiceChoice = document.getElementById("voice-choice");
const readAloud = document.getElementById("read-aloud");
const nonce = document.querySelector('meta[name="style-nonce"]')?.getAttribute("content") ?? undefined;

/** Web Chat's connection states (botframework-directlinejs ConnectionStatus). */
const ENDED = 5;
const FAILED_TO_CONNECT = 4;

function showStatus(text, withRestart) {
  status.replaceChildren(document.createTextNode(text));
  if (withRestart) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Start a new conversation";
    button.addEventListener("click", () => location.reload());
    status.append(" ", button);
  }
  status.hidden = false;
}

// Voice choices: the bot's offline voice always; the browser's own speech only where the
// operator allows it (it may send audio to a cloud service) and the browser has it.
const browserHasSpeech = Boolean(window.SpeechRecognition || window.webkitSpeechRecognition) && Boolean(window.speechSynthesis);
if (document.body.dataset.browserSpeech === "true" && browserHasSpeech) {
  const option = document.createElement("option");
  option.value = "browser";
  option.textContent = "The browser's own voice (may use a cloud service)";
  voiceChoice.insertBefore(option, voiceChoice.lastElementChild);
}
const offline = createOfflineSpeechPonyfillFactory();
const ponyfillFor = (choice) => (choice === "offline" ? offline : choice === "browser" ? WebChat.createBrowserWebSpeechPonyfillFactory() : undefined);

// "Read replies aloud": Web Chat speaks a reply when the user last spoke; with this on,
// every reply from the bot is marked to be spoken.
const store = WebChat.createStore({}, ({ dispatch }) => (next) => (action) => {
  if (action.type === "DIRECT_LINE/CONNECTION_STATUS_UPDATE") {
    const state = action.payload?.connectionStatus;
    if (state === ENDED) showStatus("This conversation has ended: it was forgotten after a while without messages, and nothing from it was kept.", true);
    else if (state === FAILED_TO_CONNECT) showStatus("The assistant cannot be reached. If a child is in immediate danger, call 999.", true);
  }
  if (action.type === "DIRECT_LINE/INCOMING_ACTIVITY") {
    const activity = action.payload?.activity ?? {};
    const fromBot = activity.from?.role !== "user";
    // A signpost (marked urgent by the bot) is announced as an alert, not only in the polite transcript.
    if (fromBot && activity.importance === "high") alertRegion.textContent = activity.speak || activity.summary || activity.text || "";
    if (fromBot && readAloud.checked && voiceChoice.value !== "off") dispatch({ type: "WEB_CHAT/START_SPEAKING" });
  }
  return next(action);
});

const directLine = WebChat.createDirectLine({ domain: `${location.origin}/v3/directline`, webSocket: false, pollingInterval: 500 });

/** Colours chosen for WCAG AA against white; Web Chat's layout already reflows to 320 px. */
const styleOptions = {
  accent: "#1d4f91",
  subtle: "#5c5c5c",
  primaryFont: '"Segoe UI", system-ui, Arial, sans-serif',
  bubbleMaxWidth: 640,
  bubbleMinWidth: 0,
  hideUploadButton: true,
  sendBoxTextWrap: true,
  adaptiveCardsParserMaxVersion: "1.5",
  suggestedActionLayout: "flow",
  suggestedActionsStackedHeight: 240,
  timestampFormat: "absolute",
};

function render() {
  WebChat.renderWebChat(
    {
      directLine,
      store,
      nonce,
      locale: "en-GB",
      styleOptions,
      webSpeechPonyfillFactory: ponyfillFor(voiceChoice.value),
    },
    host,
  );
}

voiceChoice.addEventListener("change", () => {
  readAloud.disabled = voiceChoice.value === "off";
  render();
});
render();
