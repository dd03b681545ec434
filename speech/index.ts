/** Offline speech: flite for text to speech, sox + pocketsphinx for speech to text. */
export { synthesize, speakable, MAX_SPEECH_CHARS } from "./synthesize.js";
export { transcribe, MAX_AUDIO_BYTES, type RecognitionMode } from "./transcribe.js";
