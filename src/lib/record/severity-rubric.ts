import type { Severity } from '../../schema/impact.ts';

/**
 * What each severity means, concretely enough that two contributors rate alike. Shown by
 * `npm run new` and in the contributing guide; the examples are records in the atlas (a test
 * checks they exist and carry that severity).
 */
export const SEVERITY_RUBRIC: Record<Severity, { short: string; definition: string; examples: string[] }> = {
  low: {
    short: 'brief or contained: few users or one minor feature, no data lost',
    definition:
      'A brief or contained disruption: a minor feature or a small share of users, for up to about an hour, with a workaround, no permanent data loss and no effect on other organizations.',
    examples: [],
  },
  moderate: {
    short: 'one service, feature or region out for hours, little knock-on effect',
    definition:
      'One service, feature or region unavailable or badly degraded for hours, with limited effect beyond its own users and no permanent loss of customer data.',
    examples: ['2025-12-aws-cost-explorer-kiro'],
  },
  high: {
    short: 'a major service or region down for many users, up to about a day, or some data lost',
    definition:
      "A major service, product or cloud region unavailable or badly degraded for a large share of its users for up to about a day, felt by its customers' own users; or permanent loss of some customer data.",
    examples: ['2021-01-slack-outage', '2020-11-aws-kinesis-us-east-1', '2018-10-github-network-partition'],
  },
  critical: {
    short: 'a whole platform down for nearly everyone, spreading to many others, or ruinous loss',
    definition:
      'A whole major platform unavailable to nearly all its users for hours; failure spreading to many other organizations or to essential services (payments, transport, health, emergency lines); total loss of data; or losses that threaten the organization itself.',
    examples: ['2021-10-facebook-backbone-outage', '2024-07-crowdstrike-channel-file-291', '2012-08-knight-capital-trading-loss'],
  },
};

/** How to choose when a case sits between two levels. */
export const SEVERITY_GUIDANCE = [
  'Rate the impact the sources document, not how instructive the incident is.',
  'When the sources disagree about the scope, rate what they agree on and record the larger figure as a claim.',
  'When in doubt between two levels, choose the lower one and say why in the account.',
] as const;
