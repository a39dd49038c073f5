package stats

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"clustersite/generator/model"
)

// TestUpdateGivesWhatComputeGives changes random clusters again and again
// (new values, another portfolio, published as profile only, removed,
// added) and checks after every change that Update's statistics are those
// of Compute over the new set, bit for bit: -0 and 0 included.
func TestUpdateGivesWhatComputeGives(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	values := []float64{-1, 0, math.Copysign(0, -1), 0.5, 1, 2, 2, 3, 10, 1e6, math.NaN(), math.Inf(1)}
	portfolios := []string{"", "Food", "ICT", "Health"}
	newCluster := func(i int) *model.Cluster {
		vs := map[string]float64{}
		for _, id := range []string{"count", "percent", "money", "number", "year"} {
			if rng.IntN(5) > 0 {
				vs[id] = values[rng.IntN(len(values))]
			}
		}
		a := assessed(vs)
		if rng.IntN(6) == 0 {
			a.Publish = model.PublishProfile
		}
		return cluster(fmt.Sprintf("c%d", i), portfolios[rng.IntN(len(portfolios))], a)
	}
	var clusters []*model.Cluster
	for i := range 60 {
		clusters = append(clusters, newCluster(i))
	}
	const minGroup = 5
	s := Compute(clusters, minGroup)
	next := len(clusters)
	for round := range 300 {
		var removed, added []*model.Cluster
		remove := func(c *model.Cluster) {
			if j := slices.Index(added, c); j >= 0 { // added in this round
				added = slices.Delete(added, j, j+1)
			} else {
				removed = append(removed, c)
			}
		}
		for range 1 + rng.IntN(3) {
			switch i := rng.IntN(len(clusters)); rng.IntN(3) {
			case 0: // changed
				remove(clusters[i])
				clusters[i] = newCluster(next)
				added = append(added, clusters[i])
			case 1: // removed
				remove(clusters[i])
				clusters = slices.Delete(clusters, i, i+1)
			default: // added
				clusters = append(clusters, newCluster(next))
				added = append(added, clusters[len(clusters)-1])
			}
			next++
		}
		s = s.Update(removed, added)
		if diff := sameStats(s, Compute(clusters, minGroup)); diff != "" {
			t.Fatalf("round %d: Update differs from Compute: %s", round, diff)
		}
	}
}

// TestUpdateLeavesTheOldStatisticsAlone checks that the statistics an
// update starts from still answer as before.
func TestUpdateLeavesTheOldStatisticsAlone(t *testing.T) {
	clusters := clustersReporting("Food", 1, 2, 3, 4, 5)
	s := Compute(clusters, 5)
	before, _ := s.Portfolio("Food", "count")
	s.Update(clusters[:1], clustersReporting("Food", 100))
	if after, _ := s.Portfolio("Food", "count"); after != before {
		t.Errorf("the old statistics changed from %+v to %+v", before, after)
	}
}

// sameStats describes the first difference between two statistics, or
// returns "".
func sameStats(got, want *Stats) string {
	if got.minGroup != want.minGroup {
		return fmt.Sprintf("minimum group %d, want %d", got.minGroup, want.minGroup)
	}
	for key, w := range want.groups {
		g := got.groups[key]
		switch {
		case g == nil:
			return fmt.Sprintf("group %v missing", key)
		case !sameBits(g.sorted, w.sorted):
			return fmt.Sprintf("group %v holds %v, want %v", key, g.sorted, w.sorted)
		case !sameBits(summaryValues(g.summary), summaryValues(w.summary)):
			return fmt.Sprintf("group %v summary %+v, want %+v", key, g.summary, w.summary)
		}
	}
	for key := range got.groups {
		if want.groups[key] == nil {
			return fmt.Sprintf("group %v should not be there", key)
		}
	}
	return ""
}

func summaryValues(s Summary) []float64 {
	return []float64{float64(s.N), s.Min, s.Q1, s.Median, s.Q3, s.Max}
}

func sameBits(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}
