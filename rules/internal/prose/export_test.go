package prose

// SetPoisonOnRelease makes Release overwrite the recycled lower-cased text,
// so that a string a rule keeps past Release shows up in its findings
// (for the external tests of package prose_test).
func SetPoisonOnRelease(on bool) { poisonOnRelease = on }
