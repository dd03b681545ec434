// Web chat for local use: posts Bot Framework activities to /api/messages with
// deliveryMode "expectReplies" and shows the replies. Voice is offline: the microphone
// is recorded here and recognised by the bot's own server (pocketsphinx), and replies
// are spoken by the server's flite. Cloud speech services (which some browsers use for
// the Web Speech API) would send what practitioners say about children off the machine.
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

let speaking = Promise.resolve();

function say(text) {
  if (!text || !speakReplies.checked) return;
  // Queue replies so they are spoken in order, the signpost first.
  speaking = speaking.then(async () => {
    try {
      const res = await fetch("/api/speech/synthesize", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: text.slice(0, 1900) }),
      });
      if (!res.ok) return;
      const url = URL.createObjectURL(await res.blob());
      const audio = new Audio(url);
      await new Promise((resolve) => {
        audio.onended = resolve;
        audio.onerror = resolve;
        audio.play().catch(resolve);
      });
      URL.revokeObjectURL(url);
    } catch {
      // Speech is a convenience: the reply is already on screen.
    }
  });
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

// Voice input: record 16-bit mono PCM from the microphone, wrap it as WAV and send it
// to the bot's offline recogniser. Nothing is kept once the text comes back.
function wavFromSamples(chunks, rate) {
  const length = chunks.reduce((n, c) => n + c.length, 0);
  const view = new DataView(new ArrayBuffer(44 + length * 2));
  const text = (offset, s) => [...s].forEach((ch, i) => view.setUint8(offset + i, ch.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, length * 2, true);
  let offset = 44;
  for (const chunk of chunks) {
    for (const x of chunk) {
      view.setInt16(offset, Math.max(-1, Math.min(1, x)) * 0x7fff, true);
      offset += 2;
    }
  }
  return new Blob([view], { type: "audio/wav" });
}

let recording = null;

async function startRecording() {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1 } });
  const context = new AudioContext();
  const source = context.createMediaStreamSource(stream);
  const processor = context.createScriptProcessor(4096, 1, 1);
  const chunks = [];
  processor.onaudioprocess = (e) => chunks.push(new Float32Array(e.inputBuffer.getChannelData(0)));
  source.connect(processor);
  processor.connect(context.destination);
  recording = { stream, context, processor, chunks };
}

async function stopRecording() {
  const r = recording;
  recording = null;
  r.processor.disconnect();
  r.stream.getTracks().forEach((t) => t.stop());
  const wav = wavFromSamples(r.chunks, r.context.sampleRate);
  await r.context.close();
  const res = await fetch("/api/speech/transcribe", { method: "POST", headers: { "content-type": "audio/wav" }, body: wav });
  const data = await res.json().catch(() => ({}));
  if (res.ok && data.text) {
    input.value = data.text;
    form.requestSubmit();
  } else {
    add("bot", data.error ?? "I could not hear that. Please try again or type your question.", "error");
  }
}

if (navigator.mediaDevices?.getUserMedia && window.AudioContext) {
  mic.hidden = false;
  mic.addEventListener("click", async () => {
    try {
      if (recording) {
        mic.setAttribute("aria-pressed", "false");
        mic.textContent = "🎤 Speak";
        await stopRecording();
      } else {
        await startRecording();
        mic.setAttribute("aria-pressed", "true");
        mic.textContent = "■ Stop";
      }
    } catch {
      mic.setAttribute("aria-pressed", "false");
      mic.textContent = "🎤 Speak";
      add("bot", "The microphone could not be used. You can type your question instead.", "error");
    }
  });
}

void send({ type: "conversationUpdate", membersAdded: [{ id: "safeguarding-assistant" }, { id: userId }] });
