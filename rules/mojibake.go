package rules

import (
	"fmt"
	"strings"

	"copydesk/lint"
	"copydesk/rules/internal/debris"
)

// MojibakeOptions are the options of mojibake ([rule.mojibake.options]).
type MojibakeOptions struct {
	// MaxLayers is how many wrong decodings are undone in one run.
	MaxLayers int `toml:"max-layers"`
	// ReplacementChar also reports U+FFFD, with no fix.
	ReplacementChar bool `toml:"replacement-char"`
}

// DefaultMojibakeOptions returns the options mojibake uses when the config
// sets none.
func DefaultMojibakeOptions() MojibakeOptions {
	return MojibakeOptions{MaxLayers: 3, ReplacementChar: true}
}

// Mojibake is the mojibake rule: UTF-8 text decoded as Windows-1252 or
// Latin-1 ("â€™" for "’", "Ã©" for "é"), repaired by mapping the
// characters back to bytes and decoding them as UTF-8.
type Mojibake struct {
	opts MojibakeOptions
}

// NewMojibake returns mojibake with default options.
func NewMojibake() *Mojibake { return &Mojibake{opts: DefaultMojibakeOptions()} }

// Meta describes mojibake.
func (r *Mojibake) Meta() lint.Meta {
	return lint.Meta{
		ID:       "mojibake",
		Summary:  "Encoding damage: UTF-8 read as Windows-1252 or Latin-1 (â€™, Ã©)",
		Severity: lint.Error,
		Default:  true,
		Fixable:  true,
		Doc: `UTF-8 stores a non-ASCII character as a lead byte and continuation bytes. A scraper or CMS that
decodes them as Windows-1252 or Latin-1 turns each byte into a character of its own: "é" becomes "Ã©",
"’" becomes "â€™", "£" becomes "Â£"; done twice, "’" becomes "Ã¢â‚¬â„¢". Nothing is lost, so the rule
maps each character of such a run back to its byte and decodes the bytes as UTF-8, layer by layer (up
to max-layers), and reports the run only when the decoding succeeds with no control characters. The
fix replaces the run with the repaired text.

A closing quote whose last byte was dropped ("â€" followed by no continuation) and the replacement
character U+FFFD ("�") are reported without a fix: the character is gone and must be retyped.
Correctly encoded accents, "€4", "£3.50", "30°C", "JOÃO" in capitals and text inside code are left
alone.`,
		Bad:  "Marwick cafÃ© wins award\n\nItâ€™s the third award for the Hale Street cafÃ© since 2019.\n",
		Good: "Marwick café wins award\n\nIt’s the third award for the Hale Street café since 2019.\n",
		Options: `max-layers = 3              # wrong decodings undone in one run ("Ã¢â‚¬â„¢" is two)
replacement-char = true     # also report U+FFFD "�" (no fix)`,
	}
}

// Configure returns a copy of the rule with options decoded over the defaults.
func (r *Mojibake) Configure(decode func(v any) error) (lint.Rule, error) {
	opts := DefaultMojibakeOptions()
	if err := decode(&opts); err != nil {
		return nil, fmt.Errorf("mojibake options: %w", err)
	}
	if opts.MaxLayers < 1 || opts.MaxLayers > 8 {
		return nil, fmt.Errorf("mojibake options: max-layers must be between 1 and 8, got %d", opts.MaxLayers)
	}
	return &Mojibake{opts: opts}, nil
}

// Check reports each run of encoding damage in the draft's text.
func (r *Mojibake) Check(p *lint.Pass) error {
	doc := p.Doc
	text := doc.Text
	for i := range doc.Blocks {
		span := doc.Blocks[i].Span
		debris.FindMojibake(text, span.Start, span.End, r.opts.MaxLayers, r.opts.ReplacementChar, func(m debris.MojibakeRun) {
			s := lint.Span{Start: m.Start, End: m.End}
			bad := text[m.Start:m.End]
			f := lint.Finding{Span: s}
			switch {
			case m.Fixed != "":
				f.Message = fmt.Sprintf("Encoding damage: %q is %q read with the wrong encoding.", bad, m.Fixed)
				f.Fix = &lint.Fix{Message: "Repair encoding", Safe: true, Edits: []lint.Edit{{Span: s, New: m.Fixed}}}
			case bad[0] == 0xEF: // U+FFFD
				f.Message = fmt.Sprintf("Encoding damage: %q stands for a character that was lost; retype it.", bad)
			case strings.HasPrefix(bad, "â€") && len(bad) <= len("â€�"):
				f.Message = fmt.Sprintf("Encoding damage: %q is a character (probably \"”\") whose last byte was lost; retype it.", bad)
			default:
				f.Message = fmt.Sprintf("Encoding damage: %q is a character whose last byte was lost; retype it.", bad)
			}
			p.Report(f)
		})
	}
	return nil
}
