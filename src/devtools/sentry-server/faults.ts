// Failures the stand-in can be told to produce, so clients' retry, back-off and timeout paths
// are tested against a real socket: answer a status (429 with Retry-After, 5xx) or stall.

export interface FaultRule {
  /** The rule applies when the request path (without query) contains this text. */
  pathIncludes: string;
  method?: string;
  /** Answer this status instead of the real response (e.g. 429, 500, 503). */
  status?: number;
  /** Seconds sent in `Retry-After` (with 429 or 503). */
  retryAfter?: number;
  /** Wait this long before answering (the real answer, or `status` when given). */
  stallMs?: number;
  /** How many matching requests the rule affects; unlimited when absent. */
  times?: number;
}

export class FaultRules {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  add(rules: FaultRule[]): void {
    for (const rule of rules) {
      if (typeof rule.pathIncludes !== 'string') throw new Error('a fault rule needs pathIncludes');
      this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
    }
  }

  clear(): void {
    this.rules = [];
  }

  /** The first live rule matching the request, consuming one of its uses. */
  take(method: string, path: string): FaultRule | undefined {
    const hit = this.rules.find(
      (r) => r.remaining > 0 && path.includes(r.rule.pathIncludes) && (!r.rule.method || r.rule.method.toUpperCase() === method),
    );
    if (!hit) return undefined;
    hit.remaining -= 1;
    return hit.rule;
  }
}
