/**
 * The 长辈模式 measurements (MIIT 2021 互联网应用适老化通用设计规范), taken in the page from
 * computed styles: every visible text at least 18 px with line spacing at least 1.3 and WCAG
 * contrast at least 4.5:1 against its effective background, no short label or word broken across
 * lines, no text running past the screen's edge, every control at least 60×60 px, and the page's
 * largest text at least 30 px.
 */
import type { Page } from 'playwright-core';

export const ELDER_STANDARD = { minFontPx: 18, maxFontAtLeastPx: 30, minLineHeight: 1.3, minContrast: 4.5, minTargetPx: 60 } as const;

/** One element below the standard, with what was measured. */
export type ElderIssue = { rule: 'font' | 'line-height' | 'contrast' | 'target' | 'broken-word' | 'overflow'; text: string; value: number; where: string };
export type ElderReport = { texts: number; controls: number; largestFontPx: number; issues: ElderIssue[] };

/** Measures the visible page (and the tab bar when it shows) against the standard. */
export const measureElder = (page: Page): Promise<ElderReport> =>
  page.evaluate((std) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba[] =>
      [...c.matchAll(/rgba?\(([^)]+)\)/g)].map((m) => {
        const [r, g, b, a] = m[1]
          .split(/[ ,/]+/)
          .filter(Boolean)
          .map(Number);
        return [r, g, b, a === undefined || Number.isNaN(a) ? 1 : a];
      });
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const ch = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const contrast = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    /** The backgrounds behind an element, composed from its own layer down to white; every colour of a gradient counts. */
    const backgroundsOf = (el: Element): Rgba[] => {
      const layers: Rgba[][] = [];
      for (let a: Element | null = el; a; a = a.parentElement) {
        const cs = getComputedStyle(a);
        const gradient = cs.backgroundImage.includes('gradient') ? parse(cs.backgroundImage) : [];
        if (gradient.length) {
          layers.push(gradient);
          if (gradient.every((g) => g[3] === 1)) break;
        }
        const [color] = parse(cs.backgroundColor);
        if (color && color[3] > 0) {
          layers.push([color]);
          if (color[3] === 1) break;
        }
      }
      let under: Rgba[] = [[255, 255, 255, 1]];
      for (const layer of layers.reverse()) under = layer.flatMap((top) => under.map((u) => over(top, u)));
      return under;
    };
    const opacityOf = (el: Element) => {
      let o = 1;
      for (let a: Element | null = el; a; a = a.parentElement) o *= Number(getComputedStyle(a).opacity);
      return o;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && (el as HTMLElement).checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) !== false;
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    const reactProps = (el: Element): Record<string, unknown> | undefined => {
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps'));
      return key ? (el as unknown as Record<string, Record<string, unknown>>)[key] : undefined;
    };
    const disabled = (el: Element) => !!el.closest('[disabled], .nut-button-disabled, [aria-disabled="true"]');
    const CONTROL = 'taro-button-core, button, input, textarea, [role="switch"], .weui-tabbar__item, [role="button"]';
    const isControl = (el: Element) => el.matches(CONTROL) || typeof reactProps(el)?.onClick === 'function';
    /** Lines a text node's characters fall on (by their top), so a label split over lines is seen, and the right edge of its last character. */
    const linesOf = (node: Text): { lines: string[]; right: number } => {
      const range = document.createRange();
      const lines = new Map<number, string>();
      let right = 0;
      const chars = [...(node.textContent ?? '')];
      let offset = 0;
      for (const ch of chars) {
        range.setStart(node, offset);
        range.setEnd(node, offset + ch.length);
        offset += ch.length;
        if (!ch.trim()) continue;
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        right = Math.max(right, rect.right);
        const top = Math.round(rect.top);
        const key = [...lines.keys()].find((t) => Math.abs(t - top) < 4) ?? top;
        lines.set(key, (lines.get(key) ?? '') + ch);
      }
      return { lines: [...lines.values()], right };
    };

    const pages = Array.from(document.querySelectorAll('.taro_page')).filter(visible);
    const roots = [pages[pages.length - 1], ...Array.from(document.querySelectorAll('.weui-tabbar')).filter(visible)].filter(Boolean) as Element[];
    const issues: { rule: 'font' | 'line-height' | 'contrast' | 'target' | 'broken-word' | 'overflow'; text: string; value: number; where: string }[] = [];
    const width = document.documentElement.clientWidth;
    let texts = 0;
    let controls = 0;
    let largest = 0;
    for (const root of roots) {
      for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
        if (!visible(el)) continue;
        const textNodes = Array.from(el.childNodes).filter((n): n is Text => n.nodeType === Node.TEXT_NODE && !!n.textContent?.trim());
        const text = textNodes
          .map((n) => n.textContent?.trim())
          .join(' ')
          .slice(0, 30);
        const where = describe(el);
        if (textNodes.length) {
          texts += 1;
          const cs = getComputedStyle(el);
          const size = parseFloat(cs.fontSize);
          largest = Math.max(largest, size);
          if (size < std.minFontPx - 0.01) issues.push({ rule: 'font', text, value: size, where });
          const lh = cs.lineHeight === 'normal' ? NaN : parseFloat(cs.lineHeight) / size;
          if (!(lh >= std.minLineHeight - 0.01)) issues.push({ rule: 'line-height', text, value: Math.round(lh * 100) / 100, where });
          if (!disabled(el)) {
            const [fg] = parse(cs.color);
            const alpha = fg[3] * opacityOf(el);
            const worst = Math.min(...backgroundsOf(el).map((bg) => contrast(over([fg[0], fg[1], fg[2], alpha], bg), bg)));
            if (worst < std.minContrast) issues.push({ rule: 'contrast', text, value: Math.round(worst * 100) / 100, where });
          }
          for (const node of textNodes) {
            const { lines, right } = linesOf(node);
            // text running past the screen's edge is cut off for the reader
            if (right > width + 1) issues.push({ rule: 'overflow', text, value: Math.round(right), where });
            const chars = [...(node.textContent ?? '').trim()].length;
            const orphan = lines.some((l) => [...l].length === 1 && /[\p{L}\p{N}]/u.test(l));
            if (lines.length > 1 && (chars <= 8 || orphan))
              issues.push({ rule: 'broken-word', text: lines.join(' / ').slice(0, 40), value: lines.length, where });
          }
        }
        if (isControl(el)) {
          controls += 1;
          const r = el.getBoundingClientRect();
          if (r.width < std.minTargetPx - 0.5 || r.height < std.minTargetPx - 0.5)
            issues.push({ rule: 'target', text: (el.textContent ?? '').trim().slice(0, 20), value: Math.round(Math.min(r.width, r.height)), where });
        }
      }
    }
    return { texts, controls, largestFontPx: largest, issues };
  }, ELDER_STANDARD);
