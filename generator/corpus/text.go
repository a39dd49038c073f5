package corpus

import (
	"math/rand/v2"
	"strconv"
)

// Text templates for descriptions, summaries and recommendations.
// Placeholders are {X} with one letter, filled by textVals.expand:
//
//	{N} cluster name      {R} region           {X} first sector (lower case)
//	{Y} founded           {D} assessment year  {O} portfolio
//	{W} portfolio slug    {Z} cluster id       {P} participants
//	{M} companies         {S} SME share        {E} events per year
//	{F} staff             {H} staff FTE        {B} budget in EUR
//	{Q} public share      {U} service users    {I} international participants
//	{J} joint projects    {K} collaborative projects
//
// No template contains '"' or '\', so they need no escaping in TOML.

var descriptionSentences = []string{
	"{N} brings together companies, research institutes and public bodies from {R} that work in {X}.",
	"The cluster was founded in {Y} by a group of regional companies, the local chamber of commerce and a university of applied sciences.",
	"Its members range from start-ups and family-owned SMEs to international groups with production sites in the region.",
	"The cluster management organises matchmaking events, supports joint research projects and represents the members towards regional and national authorities.",
	"Since {Y} the network has grown steadily and now covers most of the value chain of {X}.",
	"A particular focus lies on *digital transformation* and on the *green transition* of small and medium-sized enterprises.",
	"Members benefit from joint trade-fair stands, training courses for skilled workers and access to public funding programmes.",
	"The cluster is part of the national cluster programme and cooperates closely with the universities and technology centres of {R}.",
	"Its working groups deal with **quality**, **internationalisation** and **skills**; each is chaired by a member company.",
	"More about its members and projects: [{N} at a glance](https://example.org/clusters/{Z}/about).",
	"Together with partner clusters abroad it runs projects on {X}, on skills and on access to new markets.",
	"The team works from a shared office in a technology park, where several member companies are based as well.",
}

var summaryHeadings = []string{
	"### Findings of the interview", "### Summary of the benchmarking", "### Main results",
	"### Strengths and weaknesses", "### The cluster at a glance",
}

var summarySentences = []string{
	"The interview with the cluster manager took place in {D} and covered all 36 indicators of the Bronze benchmarking.",
	"The cluster has {P} committed participants, {M} of them companies; {S} % of the companies are SMEs.",
	"The management team of {F} people ({H} full-time equivalents) runs a budget of {B} a year.",
	"Public funding covers {Q} % of the budget, which is typical for a cluster of this age in the {O} portfolio.",
	"The cluster organises about {E} events a year, and {U} % of the participants used at least one service in the last year.",
	"Since the last benchmarking the cluster management has professionalised its processes and broadened its services.",
	"Participants describe the cluster management as approachable, reliable and well connected in {R}.",
	"{I} participants are located abroad, which reflects the early interest of the cluster in international cooperation.",
	"The cluster management started {K} collaborative innovation projects in the last year, most of them with SMEs.",
	"Compared with the portfolio of all benchmarked organisations, the cluster lies above the median in most indicators of the structure area.",
	"Its financing is less secure than that of comparable clusters, since several public grants end within the next two years.",
	"The governance involves the participants through a board with representatives of companies and research organisations.",
	"The strategy was drafted together with the participants and is reviewed every two years at the general assembly.",
	"Communication relies on a newsletter, an active presence in social media and regular visits to member companies.",
	"Members value in particular the matchmaking between SMEs and research organisations in {X}.",
	"{J} joint projects between participants show that the members know and trust each other.",
}

// sinceLastBenchmarking is the index of the summary sentence that only
// fits a repeated assessment.
const sinceLastBenchmarking = 5

var strengthIntros = []string{
	"Strengths noted by the expert:", "The expert highlighted:", "Notable results:", "What works well:",
}

var strengths = []string{
	"a broad and active membership base in {R}",
	"**clear governance** with participants on the board",
	"services that {U} % of the participants use",
	"{J} joint projects between participants in the last year",
	"a qualified management team with long experience in cluster management",
	"good links to universities and research institutes",
	"a diversified budget with {Q} % public funding",
	"visible success stories in {X}",
	"regular satisfaction surveys with high response rates",
	"a strong presence at international trade fairs",
	"an action plan with objectives and indicators that the board monitors",
}

var summaryClosings = []string{
	"The indicators are compared with the [{O} portfolio](https://example.org/portfolios/{W}) and with all benchmarked organisations.",
	"The method is described in the [benchmarking guide](https://example.org/methodology/ecei-bronze).",
	"Earlier results are kept in the [report archive](https://example.org/clusters/{Z}/reports).",
	"How the comparison works is explained on [example.org](https://example.org/help/comparison).",
}

var recommendationHeadings = []string{
	"### Recommendations", "### Areas for improvement", "### Next steps", "### Recommendations for the next two years",
}

var recommendationIntros = []string{
	"The expert and the cluster manager agreed on the following areas of improvement:",
	"To prepare for the next label, the cluster management should focus on:",
	"Several areas stand out in the comparison with the portfolio:",
}

var recommendations = []string{
	"**Strategy**: review the strategy with the participants and add measurable objectives for {X}.",
	"**Financing**: reduce the dependence on public grants, currently {Q} % of the budget, by developing paid services.",
	"**Services**: extend the service portfolio to digital transformation and the green transition.",
	"**Internationalisation**: build formal partnerships with at least two clusters abroad.",
	"**Monitoring**: collect the key indicators every year and report them to the board.",
	"**Participants**: involve more research organisations, which are underrepresented compared with the portfolio.",
	"**Communication**: publish success stories of participants regularly on the website and in the newsletter.",
	"**Team**: document the processes of the management team so that knowledge stays when staff changes.",
	"**Satisfaction**: survey the participants at least every two years and discuss the results in the board.",
	"**Skills**: develop a training offer for {X} together with vocational schools in {R}.",
	"**Start-ups**: open the cluster to start-ups with a reduced fee and a mentoring programme.",
	"**Projects**: support more collaborative innovation projects; {K} a year is below the portfolio median.",
}

var recommendationSentences = []string{
	"The cluster management should document the progress on these points before the next benchmarking.",
	"Most of these recommendations can be implemented within the current budget and team.",
	"A follow-up call with the expert is recommended after one year to review the progress.",
	"The board should assign one responsible person to each area and agree on a time plan.",
	"Good practice from other labelled clusters shows that small steps, taken consistently, lead to visible improvements within two years.",
	"The next benchmarking will check whether the participants notice the changes.",
}

var recommendationClosings = []string{
	"Further guidance: [How to prepare for the Silver label](https://example.org/guides/silver-label).",
	"The [cluster excellence handbook](https://example.org/handbook/{W}) gives examples from the {O} portfolio.",
	"Templates for strategies and action plans are available at [example.org](https://example.org/templates/strategy).",
	"Good practice from other clusters is collected in the [excellence library](https://example.org/library/good-practice).",
}

var recognitions = []string{
	"Regional innovation award {D}.",
	"Named a flagship cluster by the national cluster programme.",
	"Winner of a regional award for cooperation between SMEs and research in {Y}.",
	"Member projects won two national innovation prizes.",
	"Listed among the top clusters of its region by the ministry of economic affairs.",
	"No awards so far; two member companies were recognised for their joint project.",
	"Cluster manager elected to the board of the national cluster association.",
	"European best-practice example for {X} in an EU-funded study.",
}

// textVals are the values text templates refer to.
type textVals struct {
	name, region, sector, portfolio, portfolioSlug, id string
	founded, year                                      int
	repeat                                             bool // not the first assessment
	participants, companies, events, staff             int
	international, joint, collaborative, budget        int
	sme, fte, public, users                            int // in tenths
}

// expand appends tpl with its placeholders filled.
func (v *textVals) expand(b []byte, tpl string) []byte {
	for i := 0; i < len(tpl); i++ {
		c := tpl[i]
		if c != '{' || i+2 >= len(tpl) || tpl[i+2] != '}' {
			b = append(b, c)
			continue
		}
		switch tpl[i+1] {
		case 'N':
			b = append(b, v.name...)
		case 'R':
			b = append(b, v.region...)
		case 'X':
			b = append(b, v.sector...)
		case 'O':
			b = append(b, v.portfolio...)
		case 'W':
			b = append(b, v.portfolioSlug...)
		case 'Z':
			b = append(b, v.id...)
		case 'Y':
			b = strconv.AppendInt(b, int64(v.founded), 10)
		case 'D':
			b = strconv.AppendInt(b, int64(v.year), 10)
		case 'P':
			b = strconv.AppendInt(b, int64(v.participants), 10)
		case 'M':
			b = strconv.AppendInt(b, int64(v.companies), 10)
		case 'E':
			b = strconv.AppendInt(b, int64(v.events), 10)
		case 'F':
			b = strconv.AppendInt(b, int64(v.staff), 10)
		case 'I':
			b = strconv.AppendInt(b, int64(v.international), 10)
		case 'J':
			b = strconv.AppendInt(b, int64(v.joint), 10)
		case 'K':
			b = strconv.AppendInt(b, int64(v.collaborative), 10)
		case 'B':
			b = append(b, "EUR "...)
			b = appendThousands(b, v.budget)
		case 'S':
			b = appendTenths(b, v.sme)
		case 'H':
			b = appendTenths(b, v.fte)
		case 'Q':
			b = appendTenths(b, v.public)
		case 'U':
			b = appendTenths(b, v.users)
		default:
			b = append(b, tpl[i:i+3]...)
		}
		i += 2
	}
	return b
}

// expandCount is expand that also returns the number of words appended.
func (v *textVals) expandCount(b []byte, tpl string) ([]byte, int) {
	start := len(b)
	b = v.expand(b, tpl)
	return b, countWords(b[start:])
}

// countWords counts runs of non-space bytes.
func countWords(b []byte) int {
	n := 0
	in := false
	for _, c := range b {
		space := c == ' ' || c == '\n'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// picker draws distinct indices from a list without allocating.
type picker struct {
	idx [16]uint8
	n   int
}

func (p *picker) reset(n int) {
	if n > len(p.idx) {
		panic("corpus: picker list too long")
	}
	p.n = n
	for i := range n {
		p.idx[i] = uint8(i)
	}
}

// next returns an index not returned since reset, or -1.
func (p *picker) next(r *rand.Rand) int {
	if p.n == 0 {
		return -1
	}
	j := r.IntN(p.n)
	v := p.idx[j]
	p.n--
	p.idx[j] = p.idx[p.n]
	return int(v)
}

// appendDescription appends a Markdown description of about target words.
func (v *textVals) appendDescription(b []byte, r *rand.Rand, target int) []byte {
	b, words := v.expandCount(b, descriptionSentences[0])
	var p picker
	p.reset(len(descriptionSentences) - 1)
	for words < target {
		i := p.next(r)
		if i < 0 {
			break
		}
		b = append(b, ' ')
		var n int
		b, n = v.expandCount(b, descriptionSentences[i+1])
		words += n
	}
	return b
}

// appendSummary appends the summary: a heading, a paragraph, a bullet list
// and a closing line with a link, about target words in all.
func (v *textVals) appendSummary(b []byte, r *rand.Rand, target int) []byte {
	b = append(b, summaryHeadings[r.IntN(len(summaryHeadings))]...)
	b = append(b, "\n\n"...)
	words := 3
	var p picker
	p.reset(len(summarySentences))
	bullets := 3 + r.IntN(3)
	reserve := bullets*7 + 20
	for first := true; first || words < target-reserve; first = false {
		i := p.next(r)
		if i < 0 {
			break
		}
		if i == sinceLastBenchmarking && !v.repeat {
			continue
		}
		if b[len(b)-1] != '\n' {
			b = append(b, ' ')
		}
		var n int
		b, n = v.expandCount(b, summarySentences[i])
		words += n
	}
	b = append(b, "\n\n"...)
	b = append(b, strengthIntros[r.IntN(len(strengthIntros))]...)
	b = append(b, "\n\n"...)
	p.reset(len(strengths))
	for range bullets {
		b = append(b, "- "...)
		b = v.expand(b, strengths[p.next(r)])
		b = append(b, '\n')
	}
	b = append(b, '\n')
	b = v.expand(b, summaryClosings[r.IntN(len(summaryClosings))])
	b = append(b, '\n')
	return b
}

// appendRecommendations appends the recommendations: a heading, an
// introduction, a bullet list, a paragraph and a closing line with a link.
func (v *textVals) appendRecommendations(b []byte, r *rand.Rand, target int) []byte {
	b = append(b, recommendationHeadings[r.IntN(len(recommendationHeadings))]...)
	b = append(b, "\n\n"...)
	b, words := v.expandCount(b, recommendationIntros[r.IntN(len(recommendationIntros))])
	b = append(b, "\n\n"...)
	var p picker
	p.reset(len(recommendations))
	for k := 0; k < 3 || (k < 6 && words < target-40); k++ {
		b = append(b, "- "...)
		var n int
		b, n = v.expandCount(b, recommendations[p.next(r)])
		words += n + 1
		b = append(b, '\n')
	}
	b = append(b, '\n')
	p.reset(len(recommendationSentences))
	for first := true; first || words < target-15; first = false {
		i := p.next(r)
		if i < 0 {
			break
		}
		if !first {
			b = append(b, ' ')
		}
		var n int
		b, n = v.expandCount(b, recommendationSentences[i])
		words += n
	}
	b = append(b, "\n\n"...)
	b = v.expand(b, recommendationClosings[r.IntN(len(recommendationClosings))])
	b = append(b, '\n')
	return b
}

// appendTenths appends v/10 with one decimal: 785 → "78.5", -35 → "-3.5".
func appendTenths(b []byte, v int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, int64(v/10), 10)
	return append(b, '.', byte('0'+v%10))
}

// appendThousands appends n with ',' between groups of three digits.
func appendThousands(b []byte, n int) []byte {
	if n < 1000 {
		return strconv.AppendInt(b, int64(n), 10)
	}
	b = appendThousands(b, n/1000)
	r := n % 1000
	return append(b, ',', byte('0'+r/100), byte('0'+r/10%10), byte('0'+r%10))
}

func itoa(n int) string { return strconv.Itoa(n) }
