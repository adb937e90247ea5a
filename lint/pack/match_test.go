package pack

import (
	"reflect"
	"testing"
)

func TestMatcher(t *testing.T) {
	tests := []struct {
		name    string
		phrases []string
		text    string
		want    []string
	}{
		{"case-insensitive", []string{"slams"}, "Mayor SLAMS plan; Slams again", []string{"SLAMS", "Slams"}},
		{"word boundaries", []string{"set to"}, "upset to; reset to; sunset tour; set to go", []string{"set to"}},
		{"phrase wraps a line", []string{"in a bid to"}, "Council in a\nbid  to save", []string{"in a\nbid  to"}},
		{"curly apostrophe", []string{"don't"}, "We don’t know", []string{"don’t"}},
		{"longest wins", []string{"fire fighter", "fire fighters"}, "Fire fighters came", []string{"Fire fighters"}},
		{"no partial last word", []string{"fire fighter"}, "Fire fighters came", nil},
		{"non-ASCII", []string{"café"}, "Le CAFÉ and cafés", []string{"CAFÉ"}},
		{"adjacent", []string{"very"}, "very very good", []string{"very", "very"}},
		{"punctuation after", []string{"blasts"}, "He blasts, she blasts.", []string{"blasts", "blasts"}},
		{"hyphen is a boundary", []string{"percent"}, "a 5-percent-rise", []string{"percent"}},
		{"digits are word characters", []string{"pm"}, "at 9pm or 9 pm", []string{"pm"}},
		{"phrase with hyphen", []string{"e-mail"}, "E-mail and email", []string{"E-mail"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			norm := make([]string, len(tt.phrases))
			for i, p := range tt.phrases {
				norm[i] = normalizePhrase(p)
			}
			m := newMatcher(norm)
			var got []string
			m.find(tt.text, 0, len(tt.text), func(mt match) { got = append(got, tt.text[mt.start:mt.end]) })
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMatchCase(t *testing.T) {
	tests := []struct{ got, preferred, want string }{
		{"percent", "per cent", "per cent"},
		{"Percent", "per cent", "Per cent"},
		{"PERCENT", "per cent", "PER CENT"},
		{"Fire fighters", "firefighters", "Firefighters"},
		{"fire Fighters", "firefighters", "firefighters"},
		{"E-mail", "email", "Email"},
		{"A", "an", "An"},
		{"éclair", "Éclair", "Éclair"},
	}
	for _, tt := range tests {
		if got := matchCase(tt.got, tt.preferred); got != tt.want {
			t.Errorf("matchCase(%q, %q) = %q, want %q", tt.got, tt.preferred, got, tt.want)
		}
	}
}

func BenchmarkMatcher(b *testing.B) {
	phrases := []string{"slams", "blasts", "set to", "in a bid to", "going forward", "stakeholders", "fire fighters", "percent"}
	for i := range phrases {
		phrases[i] = normalizePhrase(phrases[i])
	}
	m := newMatcher(phrases)
	para := "The council in Marwick said on Tuesday that it would consult residents about the new depot, which is expected to open next spring after a delay of several months. "
	text := ""
	for len(text) < 64<<10 {
		text += para
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		n := 0
		m.find(text, 0, len(text), func(match) { n++ })
	}
}
