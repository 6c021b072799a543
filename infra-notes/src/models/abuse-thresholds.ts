// The two numbers that separate a crowd from an attack: how many requests one shared (carrier-grade NAT) address
// legitimately sends the page at the halftime peak, which sizes WAF's per-IP rate rule, and how many records a
// delivery stream can get from genuine phones, which sizes the circuit breaker's flood alarm. CAPACITY.md shows the
// arithmetic; the template's parameter defaults must equal what these functions return.
import { DEFAULT_QUOTAS } from './capacity-plan.js';
import { USAGE } from './cost-model.js';

/** Assumptions behind the WAF rate limit; each is stated in CAPACITY.md. */
export const WAF_PLANNING = {
  /**
   * Subscribers sharing one public IPv4 address behind carrier-grade NAT (port blocks of 64 ports give about 1,000);
   * stadium Wi-Fi NAT pools are of the same order. IPv6 phones have addresses of their own.
   */
  subscribersPerAddress: 1_000,
  /** Share of them who load the page within the peak 5 minutes after the on-air call to action. */
  shareLoadingInPeakWindow: 0.5,
  /** Page loads per entrant (reloads, people who look and leave): COST.md's figure. */
  pageLoadsPerEntrant: USAGE.visitsPerEntry,
  /**
   * Requests per page load, every one counted: WAF on CloudFront inspects cache hits too, and the page's asset
   * paths belong to its build, not to the stack, so the rule does not try to leave static assets out.
   */
  requestsPerPageLoad: USAGE.requestsPerVisit,
  /** Headroom over the computed peak (bursts inside the window, a second device per person). */
  headroom: 2,
  /** WAF's window for rate-based rules, seconds. */
  windowSeconds: 300,
} as const;

/** What one shared address sends at the peak, and the limit to deploy. */
export interface WafRateSizing {
  readonly subscribersPerAddress: number;
  /** Page loads from the address within the 5-minute window. */
  readonly pageLoadsPer5Min: number;
  /** Requests from the address within the window. */
  readonly requestsPer5Min: number;
  /** `WafRateLimitPer5Min`: requests × headroom, rounded up to a thousand. */
  readonly limitPer5Min: number;
}

/** The per-IP rate limit for a number of subscribers behind one address. */
export function planWafRateLimit(subscribersPerAddress: number = WAF_PLANNING.subscribersPerAddress): WafRateSizing {
  const pageLoadsPer5Min =
    subscribersPerAddress * WAF_PLANNING.shareLoadingInPeakWindow * WAF_PLANNING.pageLoadsPerEntrant;
  const requestsPer5Min = pageLoadsPer5Min * WAF_PLANNING.requestsPerPageLoad;
  return {
    subscribersPerAddress,
    pageLoadsPer5Min,
    requestsPer5Min,
    limitPer5Min: Math.ceil((requestsPer5Min * WAF_PLANNING.headroom) / 1_000) * 1_000,
  };
}

/** Assumptions behind the circuit breaker's flood threshold; each is stated in CAPACITY.md. */
export const FLOOD_PLANNING = {
  /** Records a genuine phone puts per request: one entry each (the SDK batches only what it has queued). */
  genuineRecordsPerRequest: 1,
  /** How far above a stream's whole request quota of genuine traffic the breaker trips. */
  margin: 5,
} as const;

/**
 * `FloodRecordsPerSecondPerStream`: genuine phones cannot put more records on a stream than its request quota
 * allows (one record each), so anything `margin` times above that is not phones.
 */
export function floodRecordsPerSecondPerStream(): number {
  return DEFAULT_QUOTAS.firehoseRequestsPerSecond * FLOOD_PLANNING.genuineRecordsPerRequest * FLOOD_PLANNING.margin;
}

/** The records/s a stream at the planned peak carries: its request quota at the planned utilisation, per entry. */
export function plannedRecordsPerSecondPerStream(requestsPerEntry: number, utilisation: number): number {
  return (DEFAULT_QUOTAS.firehoseRequestsPerSecond * utilisation) / requestsPerEntry;
}
