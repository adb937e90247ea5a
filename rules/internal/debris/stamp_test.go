package debris

import "testing"

func TestScanTimestamp(t *testing.T) {
	tests := []struct {
		line  string
		end   int
		glued bool
	}{
		{"Updated 14:32 GMTMarwick council has approved the plan.", 17, true},
		{"Updated 14:32 GMT", 17, false},
		{"Published on 3 March 2024, 09:15", 32, false},
		{"5 hours ago", 11, false},
		{"5 hours agoThe council met.", 11, true},
		{"Posted 14:32The council met.", 12, true},
		{"Last updated: 12/03/2024", 24, false},
		{"2019 was a record year for the club.", 0, false},
		{"Updated guidance says schools stay open.", 0, false},
		{"Published by Penguin in 2019.", 0, false},
		{"14 minutes ago", 14, false},
		{"3 March 2024", 0, false},
		{"14H ago", 7, false},
		{"2 days ago at 07:52 am", 22, false},
		{"14 Hale Street", 0, false},
	}
	for _, tt := range tests {
		end, glued := ScanTimestamp(tt.line)
		if end != tt.end || glued != tt.glued {
			t.Errorf("ScanTimestamp(%q) = %d, %v; want %d, %v", tt.line, end, glued, tt.end, tt.glued)
		}
	}
}

func TestIsBreadcrumb(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"Home > News > Local", true},
		{"News » Marwick » Transport", true},
		{"Home Secretary Ana Ruiz watched from the directors' box.", false},
		{"12/03/2024", false},
		{"Sport | Football", false},
		{"The vote was 31 > 12 > 4 in the end.", false},
		{"Home | Kelbridge council approves tram line | Local", true},
		{"Home | Kelbridge council approves the longest tram line in the whole county | Local", false},
	}
	for _, tt := range tests {
		if got := IsBreadcrumb(tt.line); got != tt.want {
			t.Errorf("IsBreadcrumb(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
