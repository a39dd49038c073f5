package model

// Label is a level of the cluster-excellence label.
type Label string

const (
	Bronze Label = "bronze"
	Silver Label = "silver"
	Gold   Label = "gold"
)

// Labels lists the levels from lowest to highest.
var Labels = []Label{Bronze, Silver, Gold}

// Valid reports whether l is one of Labels.
func (l Label) Valid() bool { return l == Bronze || l == Silver || l == Gold }

// Title is the level's display name: "Bronze".
func (l Label) Title() string {
	switch l {
	case Bronze:
		return "Bronze"
	case Silver:
		return "Silver"
	case Gold:
		return "Gold"
	}
	return string(l)
}

// Motto is the label's official tagline.
func (l Label) Motto() string {
	switch l {
	case Bronze:
		return "Striving for Cluster Excellence"
	case Silver:
		return "Dedicated to Cluster Excellence"
	case Gold:
		return "Proven for Cluster Excellence"
	}
	return ""
}

// Status is the state of a cluster's current label on the build date.
type Status string

const (
	// Valid: the label is in force and does not end within the expiring
	// window.
	StatusValid Status = "valid"
	// Expiring: in force, but ends within the expiring window.
	StatusExpiring Status = "expiring"
	// Expired: ended, but can still be renewed seamlessly (grace period).
	StatusExpired Status = "expired"
	// Lapsed: ended and past the grace period.
	StatusLapsed Status = "lapsed"
)

// Statuses lists every status in display order.
var Statuses = []Status{StatusValid, StatusExpiring, StatusExpired, StatusLapsed}

// Title is the status's display name.
func (s Status) Title() string {
	switch s {
	case StatusValid:
		return "Valid"
	case StatusExpiring:
		return "Expiring soon"
	case StatusExpired:
		return "Expired"
	case StatusLapsed:
		return "Lapsed"
	}
	return string(s)
}

// InForce reports whether the label is still valid on the build date.
func (s Status) InForce() bool { return s == StatusValid || s == StatusExpiring }
