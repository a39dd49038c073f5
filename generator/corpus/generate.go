package corpus

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// generator holds the state shared by the clusters of one corpus: the ids
// taken so far and the running number of clusters per country (for report
// ids). Everything else of cluster i comes from its own random stream.
type generator struct {
	opts       Options
	src        rand.PCG
	r          *rand.Rand
	f          *folder
	ids        map[string]struct{}
	perCountry []int
	weights    []int
	buf, tmp   []byte
	ind        []byte
	chunk      []byte
	vals       textVals
}

// generate produces the corpus: dir is called with each cluster id before
// the files of that cluster, file with each assessment file (path relative
// to the site folder, content not modified afterwards). It returns the
// number of files.
func generate(opts Options, dir func(id string), file func(path string, data []byte)) int {
	g := &generator{
		opts:       opts,
		f:          newFolder(),
		ids:        make(map[string]struct{}, opts.Clusters),
		perCountry: make([]int, len(countries)),
		buf:        make([]byte, 0, 16<<10),
	}
	g.r = rand.New(&g.src)
	for _, c := range countries {
		g.weights = append(g.weights, c.weight)
	}
	n := 0
	for i := range opts.Clusters {
		n += g.cluster(i, dir, file)
	}
	return n
}

// cluster is what every assessment of one cluster repeats.
type cluster struct {
	id, name, country, region, website, portfolio string
	alpha3                                        string
	number                                        int // running number in its country
	portfolioIndex                                int
	sectors                                       []string
	founded, managementFounded                    int
	description                                   []byte
}

func (g *generator) cluster(i int, dir func(string), file func(string, []byte)) int {
	g.src.Seed(splitmix64(uint64(g.opts.Seed)), splitmix64(uint64(i)^0x6a09e667f3bcc908))
	r := g.r
	ci := pick(r, g.weights, countryTotal)
	ctry := &countries[ci]
	g.perCountry[ci]++
	c := &cluster{country: ctry.code, alpha3: ctry.alpha3, number: g.perCountry[ci] % 1000}
	c.portfolioIndex = r.IntN(numPortfolios)
	c.portfolio = portfolios[c.portfolioIndex]
	g.name(r, ctry, c)
	dir(c.id)

	host := c.id // a DNS label has at most 63 bytes
	for len(host) > 63 {
		if cut := strings.LastIndexByte(host[:63], '-'); cut > 0 {
			host = host[:cut]
		} else {
			host = strings.TrimRight(host[:63], "-")
		}
	}
	c.website = "https://" + host + ".example.org"

	// Assessment dates: 1.5 to 3 years apart, from 2012 to Today, on
	// weekdays.
	count := 1
	switch u := r.IntN(10); {
	case u >= 8:
		count = 3
	case u >= 4:
		count = 2
	}
	var days [3]int
	span := 0
	for k := 1; k < count; k++ {
		days[k] = rangeInt(r, 548, 1095)
		span += days[k]
	}
	days[0] = rangeInt(r, firstDay, todayDay-span)
	for k := 1; k < count; k++ {
		days[k] += days[k-1]
	}
	var dates [3]time.Time
	for k := range count {
		t := dateOf(days[k])
		switch t.Weekday() {
		case time.Saturday:
			t = t.AddDate(0, 0, -1)
		case time.Sunday:
			t = t.AddDate(0, 0, -2)
		}
		dates[k] = t
	}

	firstYear := dates[0].Year()
	c.founded = rangeInt(r, 1990, min(2024, firstYear-1))
	c.managementFounded = rangeInt(r, c.founded, min(c.founded+4, firstYear))
	c.sectors = pickSectors(r, c.portfolioIndex)

	v := &g.vals
	*v = textVals{
		name: c.name, region: c.region, sector: strings.ToLower(c.sectors[0]), portfolio: c.portfolio,
		portfolioSlug: portfolioSlugs[c.portfolioIndex], id: c.id, founded: c.founded,
	}
	c.description = v.appendDescription(c.description[:0], r, rangeInt(r, 80, 135))

	variant := ""
	if count > 1 && r.IntN(10) == 0 {
		variant = caseVariant(c.name, r)
	}
	st := newState(r)
	for k := range count {
		name := c.name
		if variant != "" && k < count-1 {
			name = variant
		}
		b := g.assessment(r, c, st, k, name, dates[k])
		path := ContentDir + "/" + c.id + "/" + string(appendDate(g.tmp[:0], dates[k])) + ".toml"
		file(path, g.keep(b))
	}
	return count
}

// name picks a unique name and id for c, and its region.
func (g *generator) name(r *rand.Rand, ctry *country, c *cluster) {
	li := 0
	if len(ctry.locales) > 1 {
		n := r.IntN(ctry.localeTotal)
		for li = range ctry.locales {
			if n < ctry.locales[li].weight {
				break
			}
			n -= ctry.locales[li].weight
		}
	}
	loc := &ctry.locales[li]
	lang, native := loc.lang, true
	if lang != english && r.IntN(100) < 12 {
		lang, native = english, false
	}
	for attempt := 0; ; attempt++ {
		reg := loc.regions[r.IntN(len(loc.regions))]
		parts := nameParts{
			topic:   oneOf(r, lang.topics[c.portfolioIndex]),
			english: oneOf(r, english.topics[c.portfolioIndex]),
			region:  reg.name,
			place:   reg.name,
		}
		if !native || reg.adjective {
			parts.place = reg.field
		}
		if !native {
			parts.region = reg.field
		}
		pattern := oneOf(r, lang.patterns)
		b := g.buf[:0]
		if rest, ok := strings.CutPrefix(pattern, "{A}"); ok {
			g.tmp = expandName(g.tmp[:0], rest, &parts)
			if b, ok = appendAcronym(b, string(g.tmp), r); ok {
				b = append(b, g.tmp...)
			} else {
				b = append(b, strings.TrimLeft(string(g.tmp), " –-")...)
			}
		} else {
			b = expandName(b, pattern, &parts)
		}
		if attempt >= 4 {
			b = append(b, numberSuffix(attempt-2)...)
		}
		if len(loc.suffixes) > 0 && r.IntN(100) < 30 && !isAssociation(pattern) {
			b = append(b, oneOf(r, loc.suffixes)...)
		}
		name := string(b)
		if r.IntN(100) == 0 {
			name = strings.ToUpper(name) // as "ACTM - CATALAN FASHION & TEXTILE CLUSTER"
		}
		id := g.f.slug(name)
		if _, taken := g.ids[id]; id != "" && !taken {
			g.ids[id] = struct{}{}
			c.name, c.id, c.region = name, id, reg.field
			return
		}
	}
}

// isAssociation reports whether a name pattern already names the legal
// form, so that no suffix such as " Sp. z o.o." goes after it.
func isAssociation(pattern string) bool {
	for _, p := range []string{"Stowarzyszenie", "Asociación", "Association", "Associação", "Associació", "Asociația", "Stichting", "Föreningen"} {
		if strings.HasPrefix(pattern, p) {
			return true
		}
	}
	return false
}

func pickSectors(r *rand.Rand, p int) []string {
	own := sectors[p]
	list := []string{oneOf(r, own)}
	n := rangeInt(r, 1, 3)
	for len(list) < n {
		s := oneOf(r, own)
		if r.IntN(3) == 0 {
			s = oneOf(r, crossSectors)
		}
		dup := false
		for _, t := range list {
			dup = dup || t == s
		}
		if !dup {
			list = append(list, s)
		}
	}
	return list
}

// keep copies b into the arena and returns the copy, capped so that an
// append by the caller cannot overwrite the next file.
func (g *generator) keep(b []byte) []byte {
	if len(b) > cap(g.chunk)-len(g.chunk) {
		g.chunk = make([]byte, 0, max(1<<20, len(b)))
	}
	start := len(g.chunk)
	g.chunk = append(g.chunk, b...)
	return g.chunk[start:len(g.chunk):len(g.chunk)]
}

// state is the part of the indicators that evolves from one assessment of
// a cluster to the next.
type state struct {
	participants0, companyShare, growth int // growth in tenths of a percent per period
	staff0, budgetPerStaff              int
	legalForm                           string
	internationalPermille               int
	horizon                             int
}

func newState(r *rand.Rand) *state {
	return &state{
		participants0:         20 + r.IntN(60) + r.IntN(r.IntN(350)+1),
		companyShare:          rangeInt(r, 55, 85),
		growth:                rangeInt(r, -50, 350),
		staff0:                rangeInt(r, 1, 8),
		budgetPerStaff:        rangeInt(r, 60, 150) * 1000,
		legalForm:             legalForms[pick(r, legalFormWeights, 100)],
		internationalPermille: r.IntN(150),
		horizon:               rangeInt(r, 1, 5),
	}
}

// assessment writes assessment k of c into g.buf and returns it.
func (g *generator) assessment(r *rand.Rand, c *cluster, st *state, k int, name string, date time.Time) []byte {
	b := g.buf[:0]
	b = append(b, "[cluster]\nid = "...)
	b = appendString(b, c.id)
	b = append(b, "\nname = "...)
	b = appendString(b, name)
	b = append(b, "\ncountry = "...)
	b = appendString(b, c.country)
	b = append(b, "\nregion = "...)
	b = appendString(b, c.region)
	b = append(b, "\nwebsite = "...)
	b = appendString(b, c.website)
	b = append(b, "\nportfolio = "...)
	b = appendString(b, c.portfolio)
	b = append(b, "\nsectors = ["...)
	for i, s := range c.sectors {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendString(b, s)
	}
	b = append(b, "]\nfounded = "...)
	b = strconv.AppendInt(b, int64(c.founded), 10)
	b = append(b, "\ndescription = \"\"\"\n"...)
	b = appendMultiline(b, c.description)
	b = append(b, "\n\"\"\"\n\n"...)

	// Label: bronze first; silver or gold on a later assessment; about 5 %
	// gold in all.
	label := "bronze"
	if u := r.IntN(100); k == 0 && u < 1 || k > 0 && u < 10 {
		label = "gold"
	} else if k > 0 && u < 45 {
		label = "silver"
	}
	b = append(b, "[assessment]\ndate = "...)
	b = appendDate(b, date)
	b = append(b, "\nlabel = \""...)
	b = append(b, label...)
	b = append(b, '"', '\n')
	if r.IntN(100) < 12 {
		end := date.AddDate(2, 0, 0)
		if r.IntN(2) == 0 {
			end = time.Date(end.Year(), end.Month()+1, 0, 0, 0, 0, 0, time.UTC)
		}
		b = append(b, "valid_until = "...)
		b = appendDate(b, end)
		b = append(b, '\n')
	}
	if label == "gold" {
		b = append(b, "score = "...)
		b = strconv.AppendInt(b, int64(rangeInt(r, 80, 100)), 10)
		b = append(b, '\n')
	}
	y, m, _ := date.Date()
	b = append(b, "report_id = \""...)
	b = append(b, c.alpha3...)
	b = append(b, byte('0'+c.number/100), byte('0'+c.number/10%10), byte('0'+c.number%10))
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10),
		byte('0'+int(m)/10), byte('0'+int(m)%10), 'C', byte('0'+y/10%10), byte('0'+y%10))
	run := r.IntN(10000)
	b = append(b, byte('0'+run/1000), byte('0'+run/100%10), byte('0'+run/10%10), byte('0'+run%10))
	b = append(b, "\"\nexpert = "...)
	expert := oneOf(r, experts)
	if label == "gold" {
		second := oneOf(r, experts)
		if second == expert {
			second = experts[(r.IntN(len(experts)-1)+1+indexOf(experts, expert))%len(experts)]
		}
		expert += " and " + second
	}
	b = appendString(b, expert)
	if r.IntN(10) == 0 {
		b = append(b, "\nmethodology = \"ecei-bronze\""...)
	}
	b = append(b, "\npublish = \""...)
	if r.Float64() < g.opts.ProfileShare {
		b = append(b, "profile"...)
	} else {
		b = append(b, "full"...)
	}
	b = append(b, "\"\ndraft = false\n"...)

	// Indicators first, so the text can quote them; they are written last.
	ind := g.indicators(r, c, st, k, date.Year())
	v := &g.vals
	v.name = name
	total := rangeInt(r, 270, 340)
	sum := total * rangeInt(r, 45, 60) / 100
	b = append(b, "summary = \"\"\"\n"...)
	g.tmp = v.appendSummary(g.tmp[:0], r, sum)
	b = appendMultiline(b, g.tmp)
	b = append(b, "\"\"\"\nrecommendations = \"\"\"\n"...)
	g.tmp = v.appendRecommendations(g.tmp[:0], r, total-sum)
	b = appendMultiline(b, g.tmp)
	b = append(b, "\"\"\"\n\n[indicators]\n"...)
	b = append(b, ind...)
	g.buf = b
	return b
}

func indexOf(list []string, s string) int {
	for i, t := range list {
		if t == s {
			return i
		}
	}
	return 0
}

// indicators returns the [indicators] body of assessment k, in the order
// of the methodology, and fills g.vals with the numbers the text quotes.
func (g *generator) indicators(r *rand.Rand, c *cluster, st *state, k, year int) []byte {
	participants := int(float64(st.participants0)*math.Pow(1+float64(st.growth)/1000, float64(k)) + 0.5)
	participants = max(participants, 8)
	companies := participants * st.companyShare / 100
	rest := participants - companies
	research := rest * rangeInt(r, 30, 60) / 100
	other := rest - research
	growth := rangeInt(r, -50, 400)
	if k > 0 {
		growth = st.growth + rangeInt(r, -30, 30)
	}
	international := participants * st.internationalPermille / 1000
	staff := st.staff0 + k*r.IntN(3)
	fte := max(5, staff*rangeInt(r, 55, 100)/10)
	budget := staff*st.budgetPerStaff + rangeInt(r, -20, 20)*1000
	budget = min(max(budget, 100000), 3000000) / 1000 * 1000
	public := rangeInt(r, 100, 700)
	fees := rangeInt(r, 50, min(500, 1000-public))
	services := 1000 - public - fees
	events := rangeInt(r, 3, 60)
	users := rangeInt(r, 300, 950)
	collaborative := rangeInt(r, 1, 25)
	joint := rangeInt(r, 2, 40)
	sme := rangeInt(r, 600, 980)

	v := &g.vals
	v.repeat = k > 0
	v.year, v.participants, v.companies, v.events, v.staff = year, participants, companies, events, staff
	v.international, v.joint, v.collaborative, v.budget = international, joint, collaborative, budget
	v.sme, v.fte, v.public, v.users = sme, fte, public, users

	// Later assessments show improvements: the bools get likelier.
	better := 10 * k
	b := g.ind[:0]
	b = appendIntKey(b, "participants", participants)
	b = appendIntKey(b, "companies", companies)
	b = appendTenthsKey(b, "sme_share", sme)
	b = appendIntKey(b, "research_orgs", research)
	b = appendIntKey(b, "other_participants", other)
	b = appendTenthsKey(b, "participant_growth", growth)
	b = appendTenthsKey(b, "regional_share", rangeInt(r, 300, 950))
	b = appendIntKey(b, "international_participants", international)
	b = appendIntKey(b, "cluster_founded", c.founded)
	b = appendIntKey(b, "management_founded", c.managementFounded)
	b = appendStringKey(b, "legal_form", st.legalForm)
	b = appendIntKey(b, "staff", staff)
	b = appendTenthsKey(b, "staff_fte", fte)
	b = appendTenthsKey(b, "staff_experience", rangeInt(r, 150, 950))
	b = appendBoolKey(b, "governance_body", r.IntN(100) < 85+better)
	b = appendBoolKey(b, "strategy", r.IntN(100) < 75+better)
	b = appendBoolKey(b, "action_plan", r.IntN(100) < 60+better)
	b = appendBoolKey(b, "satisfaction_survey", r.IntN(100) < 55+better)
	b = appendIntKey(b, "budget", budget)
	b = appendTenthsKey(b, "public_share", public)
	b = appendTenthsKey(b, "fees_share", fees)
	b = appendTenthsKey(b, "services_share", services)
	b = appendIntKey(b, "funding_horizon", st.horizon)
	b = appendChoicesKey(b, r, "service_portfolio", servicePortfolio)
	b = appendIntKey(b, "events_per_year", events)
	b = appendTenthsKey(b, "service_users_share", users)
	b = appendIntKey(b, "collaborative_projects", collaborative)
	b = appendIntKey(b, "internationalisation_activities", r.IntN(21))
	b = appendStringKey(b, "contact_frequency", contactFreqs[pick(r, contactWeights, 100)])
	b = appendTenthsKey(b, "personal_contact_share", rangeInt(r, 300, 1000))
	b = appendChoicesKey(b, r, "channels", channelChoices)
	b = appendIntKey(b, "joint_projects", joint)
	b = appendIntKey(b, "cluster_cooperations", r.IntN(31))
	b = appendIntKey(b, "press_articles", r.IntN(121))
	b = appendIntKey(b, "success_stories", r.IntN(31))
	b = append(b, "recognition = \""...)
	b = v.expand(b, recognitions[r.IntN(len(recognitions))])
	b = append(b, '"', '\n')
	g.ind = b
	return b
}
