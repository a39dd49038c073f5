package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestMemoryLimitFollowsTheLiveHeap(t *testing.T) {
	for _, tc := range []struct {
		live uint64
		want int64
	}{
		{0, memoryFloor},
		{155 << 20, memoryFloor},        // 10,000 clusters: the floor binds
		{175 << 20, memoryFloor},        // exactly half the floor
		{176 << 20, 352 << 20},          // above it, twice the live heap (GOGC=100)
		{2 << 30, 4 << 30},              // a very large site
		{math.MaxUint64, math.MaxInt64}, // no overflow
		{math.MaxInt64 / 2, math.MaxInt64},
	} {
		if got := memoryLimit(tc.live); got != tc.want {
			t.Errorf("memoryLimit(%d) = %d, want %d", tc.live, got, tc.want)
		}
	}
}

func TestLimitMemoryPutsThePreviousLimitBack(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)
	stop := limitMemory()
	if got := debug.SetMemoryLimit(-1); got != memoryFloor {
		t.Errorf("limit while building = %d, want %d", got, memoryFloor)
	}
	stop()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after = %d, want the previous %d", got, before)
	}
}
