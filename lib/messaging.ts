import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AnnotationProtocol } from './annotations/protocol';
import type { EntityType, Fact, Link } from './kb/types';
import type { MatcherTiming } from './kb/matcher-store';
import type { ScanResponse } from './scan-codec';

/** Whether Gloss reads the page: on, paused everywhere, or off for this site. */
export type PageState = 'on' | 'paused' | 'site-off';

/** The little a content script needs to know of an entity to paint and step through it. */
export interface PageEntity {
  id: string;
  name: string;
  type: EntityType;
}

/** A text stream read from the page, with the offsets of its block boundaries. */
export interface ScanRequest {
  text: string;
  breaks: number[];
  url: string;
}

/** Everything a hover card shows about one entity. */
export interface CardData {
  id: string;
  name: string;
  type: EntityType;
  summary: string;
  facts: Fact[];
  related: PageEntity[];
  links: Link[];
  source: string;
  license: string;
  asOf: string;
  pack: string;
}

/** Matcher figures for the bench and the options page. */
export interface MatcherStats extends MatcherTiming {
  bytes: number;
  /** Time from the service worker's start to this answer. */
  workerUptimeMs: number;
}

/** What the popup learns from the page in the active tab. */
export interface PageInfo {
  host: string;
  mentionCount: number;
  state: PageState;
  /** The canonical URL highlights of this page are stored under. */
  source: string;
  title: string;
  /** Highlights painted, and those that could not be placed on this visit. */
  painted: number;
  orphans: number;
}

/** The one message protocol between content scripts, extension pages and the background. */
export interface GlossProtocol extends AnnotationProtocol {
  /** Content → background: find the mentions in a text stream. */
  scan(data: ScanRequest): ScanResponse;
  /** Content → background: the data of one entity's card. */
  card(id: string): CardData | null;
  /** Extension page → background: matcher figures (compiling it first if need be). */
  matcherStats(): MatcherStats;
  /** Background → content: step to the next mention and open its card. */
  nextMention(): void;
  /** Popup → content: the page's host name and how many mentions it has. */
  pageInfo(): PageInfo | null;
  /** Extension page → content: settings or the knowledge base changed; read the page again. */
  refresh(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<GlossProtocol>();
