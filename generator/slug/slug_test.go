package slug

import (
	"regexp"
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		// Real names (DOMAIN.md).
		{"Agrupació d’Empreses Innovadores Tèxtils", "agrupacio-d-empreses-innovadores-textils"},
		{"BM³ Cluster", "bm3-cluster"},
		{"automotive thüringen e. V.", "automotive-thuringen-e-v"},
		{"ACTM - CATALAN FASHION & TEXTILE CLUSTER", "actm-catalan-fashion-textile-cluster"},
		{"amec urbis", "amec-urbis"},
		{"AIMSI - Asociación de la Industria, Software e Internet, A.C.", "aimsi-asociacion-de-la-industria-software-e-internet-a-c"},
		{"TREC – Transylvania Energy Cluster", "trec-transylvania-energy-cluster"},
		{"Klaster poljomehanizacije d.o.o.", "klaster-poljomehanizacije-d-o-o"},
		{"Qoot Cluster", "qoot-cluster"},
		// Letters NFKD does not fold.
		{"Straße", "strasse"},
		{"STRAẞE", "strasse"},
		{"Øresund Food", "oresund-food"},
		{"Łódź Region", "lodz-region"},
		{"Cluster Cæsar Œuvre", "cluster-caesar-oeuvre"},
		{"Đakovo Þing Ðe", "dakovo-thing-de"},
		{"Istanbul İzmir ılık", "istanbul-izmir-ilik"},
		// Compatibility forms, joiners, separators.
		{"ﬁnance ＩＣＴ ½", "finance-ict-1-2"},
		{"Clúster de col·laboració", "cluster-de-collaboracio"},
		{"soft\u00adhyphen zero\u200bwidth", "softhyphen-zerowidth"},
		{"  --Leading and trailing--  ", "leading-and-trailing"},
		{"a__b..c//d", "a-b-c-d"},
		{"Cluster 2.0 (Brno)", "cluster-2-0-brno"},
		{"日本クラスター", ""},
		{"Кластер ИКТ Cluster", "cluster"},
		{"", ""},
		{"!!!", ""},
		{"Ελληνικό cluster", "cluster"},
		{"\xff\xfe bad utf8", "bad-utf8"},
	} {
		if got := Make(tc.name); got != tc.want {
			t.Errorf("Make(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestSlugIsCutAtAHyphen(t *testing.T) {
	long := strings.Repeat("abcdefghi ", 12) // words of 9 letters
	got := Make(long)
	want := strings.TrimSuffix(strings.Repeat("abcdefghi-", 8), "-") // 79 bytes
	if got != want {
		t.Errorf("Make(long) = %q (%d bytes), want %q", got, len(got), want)
	}
	exact := strings.Repeat("a", 40) + " " + strings.Repeat("b", 39) + " c"
	if got := Make(exact); got != strings.Repeat("a", 40)+"-"+strings.Repeat("b", 39) {
		t.Errorf("Make(80 bytes + more) = %q", got)
	}
	oneWord := strings.Repeat("x", 100)
	if got := Make(oneWord); got != strings.Repeat("x", 80) {
		t.Errorf("Make(one long word) = %q, want 80 x", got)
	}
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Agrupació d’Empreses Innovadores Tèxtils", "BM³ Cluster", "automotive thüringen e. V.",
		"Straße", "ǅemal", "col·laboració", "\xff", strings.Repeat("ab ", 40), "ﬃ", "⑳", "㍱", "ﷺ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s := Make(name)
		if s != "" && !slugPattern.MatchString(s) {
			t.Fatalf("Make(%q) = %q, not an id", name, s)
		}
		if len(s) > maxSlug {
			t.Fatalf("Make(%q) = %q is %d bytes", name, s, len(s))
		}
		if again := Make(s); again != s {
			t.Fatalf("Slug not idempotent: %q → %q → %q", name, s, again)
		}
	})
}

func BenchmarkSlug(b *testing.B) {
	for b.Loop() {
		Make("Agrupació d’Empreses Innovadores Tèxtils")
		Make("ACTM - CATALAN FASHION & TEXTILE CLUSTER")
	}
}
