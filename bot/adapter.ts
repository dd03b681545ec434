import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type BotState,
  type InvokeResponse,
  type TurnContext,
} from "botbuilder";
import type { Config } from "../core/config.js";
import { isAppError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { Recent } from "../core/recent.js";
import { isTurnAbandoned, rootCause } from "../core/turn-scope.js";
import { withTimeout } from "../core/timeout.js";
import { t } from "../messages/index.js";
import { keepEntityProperties } from "./connector-entities.js";
import { isStateConflict, isStateUnavailable } from "./state-store.js";

/** Signing algorithms Bot Framework tokens use; anything else (none, HS256) is refused before any key lookup. */
const SIGNING_ALGORITHMS = new Set(["RS256", "RS384", "RS512"]);
/** Longest wait for the token's signing keys (fetched from the Bot Framework's metadata endpoint). */
const AUTH_TIMEOUT_MS = 5000;

/** Why a call was not authenticated, in words safe to log (never the token). */
export type AuthFailureReason = "missing" | "malformed" | "algorithm" | "rejected" | "key_unavailable";

/** The caller could not be authenticated: answered 401 with a plain body. */
export class AuthFailed extends Error {
  constructor(readonly reason: AuthFailureReason) {
    super("The request could not be authenticated.");
    this.name = "AuthFailed";
  }
}

/**
 * The Bot Framework adapter. With no MicrosoftAppId the connector accepts anonymous
 * calls (Emulator, curl); with credentials, every call must carry a valid Bot Framework
 * token. Authentication happens here, apart from the turn, so that every failure
 * (no token, alg none, HS256, a key nobody published, an unreachable key endpoint) is
 * one AuthFailed with a reason, never a 500 or a stack trace on stderr.
 */
export class SafeguardingAdapter extends CloudAdapter {
  /** Connector clients by app id, service URL and audience: see reusingConnectors. */
  private readonly connectors = new Recent<Promise<ConnectorClient>>(CLIENTS_KEPT);

  constructor(
    private readonly auth: ConfigurationBotFrameworkAuthentication,
    private readonly anonymous: boolean,
  ) {
    super(auth);
  }

  /**
   * The authentication's connector factory, with each client made once. The adapter asks
   * the factory for a new ConnectorClient every turn (an HTTP pipeline of a dozen policies,
   * built and ordered: about a tenth of this thread's CPU per turn under load), though one
   * depends only on the bot's app id, the service URL and the audience, and holds no
   * state of a turn. A client that could not be made is not kept.
   */
  private reusingConnectors(authenticated: AuthResult): AuthResult {
    const factory = authenticated.connectorFactory;
    if (!factory) return authenticated;
    const appId = appIdOf(authenticated.claimsIdentity);
    const connectorFactory = Object.create(factory) as ConnectorFactory;
    connectorFactory.create = (serviceUrl: string, audience?: string) => {
      const key = JSON.stringify([appId, serviceUrl, audience]);
      const made = this.connectors.get(key) ?? this.connectors.set(key, factory.create(serviceUrl, audience));
      made.catch(() => this.connectors.delete(key));
      return made;
    };
    return { ...authenticated, connectorFactory };
  }

  /** Authenticate the call, then run the turn. Returns what to answer (expectReplies bodies, invoke results). */
  async handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    if (!this.anonymous) checkTokenShape(authHeader);
    let authenticated;
    try {
      authenticated = await withTimeout(this.auth.authenticateRequest(activity, authHeader), AUTH_TIMEOUT_MS);
    } catch (e) {
      throw new AuthFailed(e instanceof Error && e.name === "AuthenticationError" ? "rejected" : "key_unavailable");
    }
    return this.processActivity(this.reusingConnectors(authenticated), activity, logic);
  }

  /**
   * Run an activity in-process and hand back its replies, exactly as POST /api/messages
   * with deliveryMode "expectReplies" does (the turn-error handler's apology included).
   * The local web chat transport uses it; it needs the anonymous (no credentials)
   * configuration, the only one that transport is served in.
   */
  async runExpectingReplies(activity: object, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const turn = { ...activity, deliveryMode: "expectReplies" } as Activity;
    const response = await this.processActivity(this.reusingConnectors(await this.auth.authenticateRequest(turn, "")), turn, logic);
    return (response?.body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  }
}

/** Refuse tokens that cannot be Bot Framework tokens before anything is fetched or verified. */
export function checkTokenShape(authHeader: string): void {
  const [scheme, token, ...rest] = authHeader.trim().split(/\s+/);
  if (!scheme) throw new AuthFailed("missing");
  if (scheme !== "Bearer" || !token || rest.length > 0) throw new AuthFailed("malformed");
  const parts = token.split(".");
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[2]) throw new AuthFailed("malformed");
  let header: { alg?: unknown };
  try {
    header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as { alg?: unknown };
  } catch {
    throw new AuthFailed("malformed");
  }
  if (typeof header.alg !== "string" || !SIGNING_ALGORITHMS.has(header.alg)) throw new AuthFailed("algorithm");
}

type AuthResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;
type ConnectorFactory = NonNullable<AuthResult["connectorFactory"]>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;
type Claims = AuthResult["claimsIdentity"];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["createUserTokenClient"]>>;

/** Clients kept (by app id and service URL): a bot talks to a handful of channel endpoints. */
const CLIENTS_KEPT = 32;

/** The app id the Bot Framework makes a turn's clients for, read from its claims as botframework-connector reads it. */
function appIdOf(claims: Claims): string | undefined {
  return claims.getClaimValue("aud") ?? claims.getClaimValue("appid") ?? undefined;
}

/**
 * The configured authentication, making each app id's UserTokenClient once: the adapter
 * asks for one every turn (another HTTP pipeline), though it depends only on the app id
 * and this configuration.
 */
class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly userTokenClients = new Recent<Promise<UserTokenClient>>(CLIENTS_KEPT);

  override createUserTokenClient(claims: Claims): Promise<UserTokenClient> {
    const key = appIdOf(claims) ?? "";
    const made = this.userTokenClients.get(key) ?? this.userTokenClients.set(key, super.createUserTokenClient(claims));
    made.catch(() => this.userTokenClients.delete(key));
    return made;
  }
}

/** Create the adapter and its one turn-error handler. */
export function createAdapter(config: Config, logger: Logger, dialogState: BotState): SafeguardingAdapter {
  const auth = new ReusingAuthentication({
    MicrosoftAppId: config.bot.appId ?? "",
    MicrosoftAppPassword: config.bot.appPassword ?? "",
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? "",
  });
  const adapter = new SafeguardingAdapter(auth, config.bot.anonymous);
  // Citations and the AI label travel in entities; the connector would drop them.
  keepEntityProperties();

  // One turn-error handler (STYLE.md §7): log without user text, apologise plainly,
  // and reset the conversation so the next message starts clean. A store that cannot
  // be reached, or a turn that kept colliding with another, keeps the state as it is.
  adapter.onTurnError = async (context: TurnContext, thrown: unknown) => {
    if (isTurnAbandoned(thrown)) throw rootCause(thrown); // nobody is waiting for an answer: the server logs it
    // Dialogs wrap what they throw (DialogContextError); judge the error underneath.
    const error = rootCause(thrown);
    const store = isStateUnavailable(error) ? error.store : undefined;
    const code = isStateUnavailable(error) ? "state_unavailable" : isStateConflict(error) ? "state_conflict" : isAppError(error) ? error.code : "internal";
    logger.error(
      {
        event: store ? "turn_failed_state_store_unavailable" : "turn_error",
        ...(store ? { store } : {}),
        channelId: context.activity.channelId,
        code,
        err: { type: error instanceof Error ? error.name : typeof error, message: isAppError(error) ? error.message : undefined },
      },
      store ? `turn failed: the conversation store (${store}) cannot be reached` : "turn failed",
    );
    try {
      const words = store
        ? t("state.unavailable")
        : code === "state_conflict"
          ? t("state.conflict")
          : isAppError(error) && error.code === "invalid_input"
            ? error.message
            : "Sorry, something went wrong on my side and I could not finish that. Please try again. If a child is in immediate danger, call 999.";
      await context.sendActivity(words);
      if (!store && code !== "state_conflict") await dialogState.delete(context);
    } catch (e) {
      logger.error({ event: "turn_error_reply_failed", err: { type: e instanceof Error ? e.name : typeof e } }, "could not reply after a turn error");
    }
  };
  return adapter;
}
