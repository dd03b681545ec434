// A Web Speech API ponyfill for Bot Framework Web Chat that never leaves this machine:
// the microphone is recorded here and recognised by the bot's own server (pocketsphinx,
// POST /api/speech/transcribe), and replies are spoken by the server's flite (POST
// /api/speech/synthesize). Browsers' built-in speech recognition may send audio to a
// cloud service, and what practitioners say is about children.
//
// Web Chat uses it through `webSpeechPonyfillFactory`: it creates a SpeechRecognition,
// calls start() and listens for start/audiostart/result/end/error (react-dictate-button);
// it speaks replies through speechSynthesis.speak(utterance) and waits for the
// utterance's start and end events (react-say).

/** Fire an event on a target and call its `on<type>` handler, as the Web Speech API does. */
function emit(target, type, props = {}) {
  const event = new Event(type);
  Object.assign(event, props);
  target.dispatchEvent(event);
  const handler = target[`on${type}`];
  if (typeof handler === "function") handler.call(target, event);
  return event;
}

/** A speech recognition result list with one final alternative. */
function finalResults(transcript) {
  const alternative = { transcript, confidence: 0.9 };
  const result = Object.assign([alternative], { isFinal: true, item: (i) => (i === 0 ? alternative : null) });
  return Object.assign([result], { item: (i) => (i === 0 ? result : null) });
}

/** 16-bit mono PCM WAV at 16 kHz (what pocketsphinx wants) from float chunks at the context's rate. */
export function encodeWav(chunks, inputRate, outputRate = 16000) {
  const input = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    input.set(c, offset);
    offset += c.length;
  }
  const ratio = inputRate / outputRate;
  const length = Math.floor(input.length / ratio);
  const view = new DataView(new ArrayBuffer(44 + length * 2));
  const ascii = (at, s) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, "RIFF");
  view.setUint32(4, 36 + length * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, outputRate, true);
  view.setUint32(28, outputRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, length * 2, true);
  for (let i = 0; i < length; i++) {
    // Average the input samples this output sample covers (a simple low-pass before decimating).
    const from = Math.floor(i * ratio);
    const to = Math.max(from + 1, Math.floor((i + 1) * ratio));
    let sum = 0;
    for (let j = from; j < to; j++) sum += input[j];
    const x = Math.max(-1, Math.min(1, sum / (to - from)));
    view.setInt16(44 + i * 2, x * 0x7fff, true);
  }
  return new Blob([view], { type: "audio/wav" });
}

/** When an utterance has ended: this much silence after speech. */
const END_SILENCE_MS = 900;
/** Give up when nothing is said for this long. */
const NO_SPEECH_MS = 8000;
/** Loudness (RMS, full scale 1) below which sound is never taken for speech. */
const SPEECH_FLOOR = 0.02;
/** The longest utterance recorded. */
const MAX_UTTERANCE_MS = 15000;

/**
 * SpeechRecognition over the bot's offline recogniser. One utterance per start(), as
 * Web Chat asks for: speech is detected by its loudness against the room's noise,
 * and the utterance ends after a short silence (or at the time limit). stop() ends it
 * and recognises what was heard; abort() discards it.
 */
export class OfflineSpeechRecognition extends EventTarget {
  constructor() {
    super();
    this.lang = "en-GB";
    this.continuous = false;
    this.interimResults = false;
    this.maxAlternatives = 1;
    this.grammars = null;
    for (const type of ["audiostart", "audioend", "end", "error", "nomatch", "result", "soundstart", "soundend", "speechstart", "speechend", "start"]) {
      this[`on${type}`] = null;
    }
    this._state = "idle";
  }

  start() {
    if (this._state !== "idle") throw new DOMException("Recognition has already started.", "InvalidStateError");
    this._state = "starting";
    this._run().catch(() => this._fail("audio-capture"));
  }

  stop() {
    if (this._capture) this._finish();
  }

  abort() {
    if (this._state === "ended") return;
    this._aborted = true;
    this._release();
    this._fail("aborted");
  }

  async _run() {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1 } });
    } catch (e) {
      this._fail(e && e.name === "NotAllowedError" ? "not-allowed" : "audio-capture");
      return;
    }
    if (this._aborted) {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    const context = new AudioContext();
    const source = context.createMediaStreamSource(stream);
    const processor = context.createScriptProcessor(4096, 1, 1);
    const capture = { stream, context, source, processor, chunks: [], started: performance.now(), noise: Infinity, heardAt: null, lastLoudAt: null };
    this._capture = capture;
    this._state = "listening";
    emit(this, "start");
    emit(this, "audiostart");
    processor.onaudioprocess = (e) => this._onAudio(capture, e.inputBuffer.getChannelData(0));
    source.connect(processor);
    processor.connect(context.destination);
  }

  _onAudio(capture, samples) {
    if (this._capture !== capture) return;
    const now = performance.now();
    capture.chunks.push(new Float32Array(samples));
    let sum = 0;
    for (const x of samples) sum += x * x;
    const rms = Math.sqrt(sum / samples.length);
    // Speech is clearly louder than the quietest moment heard so far (the room), and than
    // a fixed floor, so someone who starts talking at once is still heard.
    capture.noise = Math.min(capture.noise, rms);
    const loud = rms > Math.max(SPEECH_FLOOR, capture.noise * 3);
    if (loud) {
      if (capture.heardAt === null) {
        capture.heardAt = now;
        emit(this, "soundstart");
        emit(this, "speechstart");
      }
      capture.lastLoudAt = now;
    }
    if (capture.heardAt === null && now - capture.started > NO_SPEECH_MS) {
      this._release();
      this._fail("no-speech");
    } else if (capture.heardAt !== null && (now - capture.lastLoudAt > END_SILENCE_MS || now - capture.heardAt > MAX_UTTERANCE_MS)) {
      this._finish();
    }
  }

  async _finish() {
    const capture = this._capture;
    if (!capture) return;
    this._release();
    if (capture.heardAt !== null) {
      emit(this, "speechend");
      emit(this, "soundend");
    }
    emit(this, "audioend");
    this._state = "recognising";
    try {
      const wav = encodeWav(capture.chunks, capture.context.sampleRate);
      const res = await fetch("/api/speech/transcribe", { method: "POST", headers: { "content-type": "audio/wav" }, body: wav });
      if (this._aborted) return;
      if (!res.ok) {
        this._fail(res.status === 503 ? "service-not-allowed" : "network");
        return;
      }
      const { text } = await res.json();
      if (typeof text === "string" && text.trim() !== "") emit(this, "result", { resultIndex: 0, results: finalResults(text.trim()) });
      else emit(this, "nomatch");
      this._end();
    } catch {
      if (!this._aborted) this._fail("network");
    }
  }

  _release() {
    const capture = this._capture;
    this._capture = null;
    if (!capture) return;
    capture.processor.onaudioprocess = null;
    capture.processor.disconnect();
    capture.source.disconnect();
    capture.stream.getTracks().forEach((t) => t.stop());
    void capture.context.close();
  }

  _fail(error) {
    if (this._state === "ended") return;
    emit(this, "error", { error, message: error });
    this._end();
  }

  _end() {
    if (this._state === "ended") return;
    this._state = "ended";
    emit(this, "end");
  }
}

/** A grammar list the recogniser accepts and ignores (free dictation). */
export class OfflineSpeechGrammarList extends Array {
  addFromString() {}
  addFromURI() {}
}

/** The one voice: the bot's flite voice, on this machine. */
const FLITE_VOICE = Object.freeze({ default: true, lang: "en-GB", localService: true, name: "Offline voice (this computer)", voiceURI: "flite-slt" });

export class OfflineSpeechSynthesisUtterance extends EventTarget {
  constructor(text = "") {
    super();
    this.text = text;
    this.lang = "en-GB";
    this.voice = null;
    this.pitch = 1;
    this.rate = 1;
    this.volume = 1;
    for (const type of ["boundary", "end", "error", "mark", "pause", "resume", "start"]) this[`on${type}`] = null;
  }
}

/** The longest text sent to the synthesiser in one go (the server's limit is 2000 characters). */
const MAX_SPOKEN_CHARS = 1900;

/** speechSynthesis over the bot's flite: one utterance at a time, in order. */
export class OfflineSpeechSynthesis extends EventTarget {
  constructor() {
    super();
    this.onvoiceschanged = null;
    this.paused = false;
    this._queue = [];
    this._current = null;
  }

  get speaking() {
    return this._current !== null;
  }

  get pending() {
    return this._queue.length > 0;
  }

  getVoices() {
    return [FLITE_VOICE];
  }

  speak(utterance) {
    this._queue.push(utterance);
    if (!this._current) void this._next();
  }

  cancel() {
    const queued = this._queue.splice(0);
    for (const u of queued) emit(u, "error", { error: "canceled", utterance: u });
    const current = this._current;
    if (current) {
      current.cancelled = true;
      current.audio?.pause();
      this._done(current, "end");
    }
  }

  pause() {
    this.paused = true;
    this._current?.audio?.pause();
  }

  resume() {
    this.paused = false;
    void this._current?.audio?.play();
  }

  async _next() {
    const utterance = this._queue.shift();
    if (!utterance) return;
    const current = { utterance, audio: null, url: null, cancelled: false };
    this._current = current;
    const text = String(utterance.text ?? "").trim().slice(0, MAX_SPOKEN_CHARS);
    if (text === "") {
      // Web Chat primes speech with an empty utterance: it starts and ends at once.
      emit(utterance, "start", { utterance });
      this._done(current, "end");
      return;
    }
    try {
      const res = await fetch("/api/speech/synthesize", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text }) });
      if (current.cancelled) return;
      if (!res.ok) throw new Error(`speech ${res.status}`);
      current.url = URL.createObjectURL(await res.blob());
      if (current.cancelled) return;
      const audio = new Audio(current.url);
      audio.volume = Math.max(0, Math.min(1, Number(utterance.volume ?? 1)));
      audio.playbackRate = Math.max(0.5, Math.min(2, Number(utterance.rate ?? 1)));
      current.audio = audio;
      audio.onplay = () => emit(utterance, "start", { utterance });
      audio.onended = () => this._done(current, "end");
      audio.onerror = () => this._done(current, "error");
      await audio.play();
    } catch {
      if (!current.cancelled) {
        // The reply is already on screen; a start is owed before the error, as browsers do.
        emit(utterance, "start", { utterance });
        this._done(current, "error");
      }
    }
  }

  _done(current, type) {
    if (this._current !== current) return;
    this._current = null;
    if (current.url) URL.revokeObjectURL(current.url);
    emit(current.utterance, type, type === "error" ? { error: "synthesis-failed", utterance: current.utterance } : { utterance: current.utterance });
    void this._next();
  }
}

/** Web Chat's `webSpeechPonyfillFactory` for the offline voice. */
export function createOfflineSpeechPonyfillFactory() {
  const speechSynthesis = new OfflineSpeechSynthesis();
  return () => ({
    SpeechGrammarList: OfflineSpeechGrammarList,
    SpeechRecognition: OfflineSpeechRecognition,
    speechSynthesis,
    SpeechSynthesisUtterance: OfflineSpeechSynthesisUtterance,
  });
}
