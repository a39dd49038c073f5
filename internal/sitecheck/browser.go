package sitecheck

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
)

// WCAG21AA are the axe-core tags of the rules of WCAG 2.0 and 2.1, levels
// A and AA.
var WCAG21AA = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// axeViolation is what Axe reads of axe-core's result.
type axeViolation struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target         []string
		HTML           string
		FailureSummary string
	}
}

// Axe runs axe-core (source is axe.min.js) on the page loaded in the tab
// ctx with the rules tagged tags, and returns one finding (check "axe")
// per element of each violation; page names the page in them.
func Axe(ctx context.Context, source, page string, tags []string) ([]Finding, error) {
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof axe === "object"`))
	if err != nil {
		return nil, fmt.Errorf("axe: %w", err)
	}
	if !loaded {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](source)); err != nil {
			return nil, fmt.Errorf("axe: load: %w", err)
		}
	}
	run := fmt.Sprintf(`axe.run(document, {runOnly: {type: "tag", values: %s}, resultTypes: ["violations"]})
		.then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html, failureSummary: n.failureSummary}))})))`,
		jsStrings(tags))
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](run, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("axe: run: %w", err)
	}
	var out []Finding
	for _, v := range violations {
		for _, n := range v.Nodes {
			summary := strings.Join(strings.Fields(n.FailureSummary), " ")
			out = append(out, Finding{page, "axe", fmt.Sprintf("%s (%s): %s: %s %s; %s",
				v.ID, v.Impact, v.Help, strings.Join(n.Target, " "), clip(n.HTML, 160), summary)})
		}
	}
	return out, nil
}

// overflowJS measures whether the page scrolls sideways and, if it does,
// names the outermost elements that reach past the window, leaving out
// those inside a container that clips or scrolls them.
const overflowJS = `(() => {
	const w = window.innerWidth, sw = document.documentElement.scrollWidth;
	if (sw <= w) return [];
	const within = e => {
		for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			if (getComputedStyle(a).overflowX !== "visible") return true;
		}
		return false;
	};
	const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
		(e.classList.length ? "." + [...e.classList].join(".") : "");
	const out = [], seen = new Set();
	for (const e of document.body.querySelectorAll("*")) {
		const r = e.getBoundingClientRect();
		if (r.right <= w + 0.5 || within(e)) continue;
		if (e.parentElement && seen.has(e.parentElement)) { seen.add(e); continue; }
		seen.add(e);
		if (out.length < 5) out.push(name(e) + " ends at " + Math.round(r.right) + " px");
	}
	return ["the page is " + sw + " px wide in a " + w + " px window: it scrolls sideways" +
		(out.length ? "; sticking out: " + out.join(", ") : "")];
})()`

// Overflow returns a finding (check "overflow") when the page loaded in
// the tab ctx is wider than the window, as scrollWidth > innerWidth.
func Overflow(ctx context.Context, page string) ([]Finding, error) {
	msgs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](overflowJS))
	if err != nil {
		return nil, fmt.Errorf("overflow: %w", err)
	}
	var out []Finding
	for _, m := range msgs {
		out = append(out, Finding{page, "overflow", m})
	}
	return out, nil
}

// jsStrings writes strs as a JavaScript array literal.
func jsStrings(strs []string) string {
	b, _ := json.Marshal(strs) // strings always marshal
	return string(b)
}

// clip shortens s to at most n bytes, on a rune boundary.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// cutOffJS names the boxes of the page whose content is wider than they
// are: they scroll or clip it sideways, so part of it is out of sight at
// the right edge. Form controls and boxes a pixel wide (visually hidden
// text) are left out, and so are boxes matching the selector in allow.
const cutOffJS = `((allow) => {
	const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
		(e.classList.length ? "." + [...e.classList].join(".") : "");
	const out = [];
	for (const e of document.body.querySelectorAll("*")) {
		if (e.matches("input, select, textarea, button") || e.clientWidth < 2) continue;
		if (getComputedStyle(e).overflowX === "visible" || e.scrollWidth <= e.clientWidth + 1) continue;
		if (allow && e.matches(allow)) continue;
		const what = e.firstElementChild ? " (" + name(e.firstElementChild) + ")" : "";
		out.push(name(e) + what + " shows " + e.clientWidth + " of " + e.scrollWidth + " px: the rest is cut off at the right edge");
	}
	return out;
})`

// CutOff returns a finding (check "cut-off") for each box of the page
// loaded in the tab ctx whose content is wider than the box, so that part
// of it is hidden or must be scrolled to sideways; boxes matching the CSS
// selector allow ("" for none) may scroll.
func CutOff(ctx context.Context, page, allow string) ([]Finding, error) {
	b, err := json.Marshal(allow)
	if err != nil {
		return nil, err
	}
	msgs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](cutOffJS+"("+string(b)+")"))
	if err != nil {
		return nil, fmt.Errorf("cut-off: %w", err)
	}
	var out []Finding
	for _, m := range msgs {
		out = append(out, Finding{page, "cut-off", m})
	}
	return out, nil
}
