// Web chat for local use: posts Bot Framework activities to /api/messages with
// deliveryMode "expectReplies" and shows the replies. Voice uses the browser's own
// Web Speech API (speech recognition and synthesis); nothing is sent anywhere else.
const log = document.getElementById("log");
const form = document.getElementById("composer");
const input = document.getElementById("message");
const mic = document.getElementById("mic");
const speakReplies = document.getElementById("speak-replies");

const conversationId = `web-${crypto.randomUUID()}`;
const userId = `web-user-${crypto.randomUUID()}`;
let seq = 0;

const HEADINGS = {
  "999": "A child may be in immediate danger",
  childline: "You can talk to someone now",
  "101_or_childrens_services": "Report this concern",
  nspcc_advice: "Advice is available",
};

function add(kind, text, extraClass) {
  const li = document.createElement("li");
  li.className = [kind, extraClass].filter(Boolean).join(" ");
  li.textContent = text; // never innerHTML: replies may quote what the user typed
  log.appendChild(li);
  li.scrollIntoView({ block: "end" });
  return li;
}

function cardTexts(attachment) {
  const out = [];
  const walk = (node) => {
    if (!node || typeof node !== "object") return;
    if (node.type === "TextBlock" && typeof node.text === "string") out.push(node.text);
    for (const v of Object.values(node)) if (Array.isArray(v)) v.forEach(walk);
  };
  walk(attachment.content);
  return out;
}

function showActivity(activity) {
  const cards = (activity.attachments ?? []).filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive");
  if (cards.length > 0) {
    for (const card of cards) {
      const [heading, ...rest] = cardTexts(card);
      const level = Object.entries(HEADINGS).find(([, h]) => h === heading)?.[0] ?? "";
      const li = add("bot", "", `signpost level-${level}`);
      li.setAttribute("role", "alert");
      const h = document.createElement("h2");
      h.textContent = heading ?? "";
      const p = document.createElement("p");
      p.textContent = rest.join("\n");
      li.append(h, p);
    }
    say(activity.speak ?? activity.text);
    return;
  }
  if (activity.type === "message" && activity.text) {
    add("bot", activity.text.replace(/\*\*(.+?)\*\*/g, "$1"));
    say(activity.speak ?? activity.text);
  }
}

function say(text) {
  if (!text || !speakReplies.checked || !("speechSynthesis" in window)) return;
  const u = new SpeechSynthesisUtterance(text.replace(/\*\*/g, "").slice(0, 600));
  u.lang = "en-GB";
  window.speechSynthesis.speak(u);
}

async function send(activity) {
  seq += 1;
  const body = {
    channelId: "webchat",
    serviceUrl: location.origin,
    conversation: { id: conversationId },
    from: { id: userId, role: "user" },
    recipient: { id: "safeguarding-assistant", role: "bot" },
    id: `${conversationId}-${seq}`,
    timestamp: new Date().toISOString(),
    locale: "en-GB",
    deliveryMode: "expectReplies",
    ...activity,
  };
  try {
    const res = await fetch("/api/messages", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) {
      add("bot", `The assistant could not answer (HTTP ${res.status}). If a child is in immediate danger, call 999.`, "error");
      return;
    }
    const data = await res.json().catch(() => ({}));
    for (const a of data.activities ?? []) showActivity(a);
  } catch {
    add("bot", "The assistant cannot be reached. If a child is in immediate danger, call 999.", "error");
  }
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  const text = input.value;
  if (text.trim() === "") return;
  add("user", text);
  input.value = "";
  void send({ type: "message", text });
});

input.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey) {
    e.preventDefault();
    form.requestSubmit();
  }
});

// Voice input, where the browser offers it.
const Recognition = window.SpeechRecognition ?? window.webkitSpeechRecognition;
if (Recognition) {
  mic.hidden = false;
  const recognition = new Recognition();
  recognition.lang = "en-GB";
  recognition.interimResults = false;
  recognition.addEventListener("result", (e) => {
    input.value = Array.from(e.results).map((r) => r[0].transcript).join(" ");
    form.requestSubmit();
  });
  recognition.addEventListener("end", () => mic.setAttribute("aria-pressed", "false"));
  mic.addEventListener("click", () => {
    if (mic.getAttribute("aria-pressed") === "true") {
      recognition.stop();
    } else {
      mic.setAttribute("aria-pressed", "true");
      recognition.start();
    }
  });
}

void send({ type: "conversationUpdate", membersAdded: [{ id: userId }] });
