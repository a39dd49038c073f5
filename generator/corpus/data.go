package corpus

import (
	"strings"

	"clustersite/generator/config"
)

// The tables below are synthetic but shaped like the real directory: names
// built from per-language parts, regions as editors write them, sectors per
// portfolio. Nothing here names a real organisation on purpose.

// language is how cluster names are built in one language.
type language struct {
	// topics holds, per portfolio (index into config.DefaultPortfolios),
	// the topic words a name in this language uses for it.
	topics [numPortfolios][]string
	// patterns are name templates: {T} topic, {t} topic in lower case,
	// {R} region before the topic, {L} region after the topic (never an
	// adjective), {l} the same in lower case, {G} region in the Nordic
	// genitive ("Skånes"), {E} English topic, {e} English topic in lower
	// case; a leading {A} is an acronym of the rest.
	patterns []string
}

// locale is a language as spoken in one country, with its regions.
type locale struct {
	lang   *language
	weight int
	// regions are "field|name form": the region as written in
	// cluster.region, and the form used inside a name ("Campania|della
	// Campania"); without '|' both are the same.
	regions []region
	// suffixes are legal forms appended to some names (" e. V.").
	suffixes []string
}

// region is where a cluster is. A name form starting with '~' is an
// adjective ("Hellenic"): it only goes before the topic ({R}); a pattern
// that puts the place after the topic ({L}) uses the field form then.
type region struct {
	field, name string
	adjective   bool
}

// country is an ISO 3166-1 country with its alpha-3 code (for report ids),
// how many clusters it has relative to others, and its locales.
type country struct {
	code, alpha3 string
	weight       int
	locales      []locale
	localeTotal  int
}

const numPortfolios = 14

// portfolios are config.DefaultPortfolios; portfolioSlugs their URL slugs
// for links in the text.
var (
	portfolios     = config.DefaultPortfolios
	portfolioSlugs = func() []string {
		s := make([]string, len(config.DefaultPortfolios))
		f := newFolder()
		for i, p := range config.DefaultPortfolios {
			s[i] = f.slug(p)
		}
		return s
	}()
)

// topics parses a table of 14 lines, one per portfolio, variants split by
// '|'.
func topics(table string) (t [numPortfolios][]string) {
	lines := strings.Split(strings.TrimSpace(table), "\n")
	if len(lines) != numPortfolios {
		panic("corpus: topic table needs one line per portfolio")
	}
	for i, l := range lines {
		t[i] = strings.Split(strings.TrimSpace(l), "|")
	}
	return t
}

func regions(list string) []region {
	var rs []region
	for _, l := range strings.Split(strings.TrimSpace(list), ";") {
		l = strings.TrimSpace(l)
		field, name, ok := strings.Cut(l, "|")
		if !ok {
			name = field
		}
		adj := strings.HasPrefix(name, "~")
		rs = append(rs, region{field, strings.TrimPrefix(name, "~"), adj})
	}
	return rs
}

var english = &language{
	topics: topics(`
		Aerospace|Aviation and Space|Space|Drone
		Biotech|Life Sciences|Bioeconomy|Biopharma
		Construction|Smart Building|Wood Construction|Built Environment
		Creative Industries|Design|Games and Media|Fashion and Textile
		Energy|Cleantech|Renewable Energy|Hydrogen|Circular Economy
		Food|Agri-Food|Wine and Food|Dairy
		Health|MedTech|Medical Technology|Health Tech|Ageing Well
		ICT|Software|Digital|Cybersecurity|AI and Data
		Maritime|Water|Blue Economy|Ocean Technology|Offshore
		Photonics|Nanotech|Microelectronics|Optics|Sensor
		Materials|Chemistry|Plastics|Composites|Metals
		Mechatronics|Manufacturing|Engineering|Robotics|Automation
		Tourism|Sports and Leisure|Outdoor|Wellness|Mountain Sports
		Automotive|Mobility|Logistics|Rail|E-Mobility`),
	patterns: []string{
		"{R} {E} Cluster", "{R} {E} Cluster", "{E} Cluster {L}", "{R} {E} Alliance",
		"{R} {E} Network", "{E} Valley {L}", "{A} – {R} {E} Cluster",
		"{R} {E} Innovation Cluster", "{E} {L}", "{e} {l}", "{R} {E} Hub",
	},
}

var german = &language{
	topics: topics(`
		Luft- und Raumfahrt|Aerospace|Raumfahrt
		Biotechnologie|Life Sciences|BioRegion|Bioökonomie
		Bauwirtschaft|Holzbau|Nachhaltiges Bauen
		Kreativwirtschaft|Medien und Design|Games
		Energietechnik|Umwelttechnik|Erneuerbare Energien|Wasserstoff
		Ernährungswirtschaft|Lebensmittel|Agrar und Ernährung
		Medizintechnik|Gesundheitswirtschaft|MedTech
		IT|Informations- und Kommunikationstechnik|Software|Digitalwirtschaft
		Maritime Wirtschaft|Wassertechnologie|Offshore
		Optische Technologien|Mikrosystemtechnik|Nanotechnologie|Photonik
		Neue Werkstoffe|Chemie|Kunststoffe|Leichtbau
		Maschinenbau|Mechatronik|Produktionstechnik|Industrie 4.0
		Tourismus|Sport und Freizeit|Gesundheitstourismus
		Automotive|Mobilität|Logistik|Bahntechnik`),
	patterns: []string{
		"Cluster {T} {R}", "Cluster {T} {R}", "{T} {R}", "Kompetenznetz {T} {R}",
		"Netzwerk {T} {R}", "{A} – Cluster {T} {R}", "{e} {l}",
		"Innovationscluster {T} {R}", "Forum {T} {R}", "{R} {E} Cluster",
	},
}

var french = &language{
	topics: topics(`
		Aéronautique et Spatial|Aérospatial|Drones
		Biotechnologies|Sciences de la vie|Bioéconomie
		Bâtiment durable|Construction|Éco-construction
		Industries créatives|Image et Numérique|Mode et Textile
		Énergies renouvelables|Éco-technologies|Hydrogène|Économie circulaire
		Agroalimentaire|Filière alimentaire|Vins et Terroirs
		Santé|Technologies médicales|Silver économie
		Numérique|Logiciels et Systèmes|Cybersécurité
		Mer|Eau|Technologies marines
		Optique et Photonique|Micro-nanotechnologies|Électronique
		Matériaux|Chimie verte|Plasturgie|Composites
		Mécanique|Productique|Industrie du futur|Robotique
		Tourisme|Sports et Loisirs|Montagne
		Véhicule du futur|Mobilité|Logistique|Ferroviaire`),
	patterns: []string{
		"Pôle de compétitivité {T} {R}", "Pôle {T} {R}", "Cluster {T} {R}", "Cluster {T} {R}",
		"{A} – Pôle {T} {R}", "Pôle de compétitivité {E} Valley", "Association {T} {R}",
		"Grappe d’entreprises {T} {R}", "{R} {E} Cluster",
	},
}

var spanish = &language{
	topics: topics(`
		Aeroespacial|Aeronáutico|de Drones
		de Biotecnología|de Ciencias de la Vida|de la Bioeconomía
		de la Construcción|del Hábitat|de la Madera
		de Industrias Creativas|Audiovisual|de la Moda
		de la Energía|de Energías Renovables|Medioambiental|del Hidrógeno
		Agroalimentario|de la Alimentación|del Vino|Oleícola
		de la Salud|de Tecnologías Médicas|Sociosanitario
		TIC|de Tecnologías de la Información, Software e Internet|Digital|de Ciberseguridad
		Marítimo|del Agua|Marítimo-Marino
		de Fotónica|de Micro y Nanotecnologías|de Electrónica
		de Materiales|Químico|del Plástico|de Composites
		Metalmecánico|de Maquinaria|de la Industria Inteligente|de Robótica
		de Turismo|del Deporte y Ocio|de Turismo de Montaña
		de Automoción|de Movilidad|Logístico|Ferroviario`),
	patterns: []string{
		"Clúster {T} de {R}", "Clúster {T} de {R}", "Asociación Clúster {T} de {R}", "Clúster {T}",
		"{A} - Clúster {T} de {R}", "Agrupación Empresarial Innovadora {T} de {R}", "{R} {E} Cluster",
	},
}

var catalan = &language{
	topics: topics(`
		Aeroespacial|Aeronàutic
		de Biotecnologia|de Ciències de la Vida
		de la Construcció|de l’Hàbitat
		d’Indústries Creatives|Audiovisual|Tèxtils|de la Moda
		de l’Energia|d’Energies Renovables|del Medi Ambient
		Alimentari|de la Carn|del Vi|del Cava
		de la Salut|de Tecnologies Mèdiques
		TIC|Digital|de Ciberseguretat
		Marítim|de l’Aigua
		de Fotònica|d’Electrònica
		Químic|de Materials|del Plàstic
		de Maquinària|Industrial|de Robòtica
		de Turisme|de l’Esport|de Turisme de Muntanya
		de Mobilitat|de l’Automoció|Logístic|Ferroviari`),
	patterns: []string{
		"Clúster {T} de {R}", "Clúster {T} de {R}", "Clúster Català {T}", "Agrupació d’Empreses Innovadores {T}",
		"{A} - Clúster {T} de {R}", "Associació Clúster {T} de {R}",
	},
}

var italian = &language{
	topics: topics(`
		Aerospaziale|dell’Aerospazio
		delle Biotecnologie|delle Scienze della Vita|della Bioeconomia
		dell’Edilizia Sostenibile|delle Costruzioni|del Legno
		delle Industrie Creative|della Moda|del Design
		dell’Energia|Energia e Ambiente|dell’Economia Circolare
		Agroalimentare|del Vino|dell’Olio
		della Salute|Biomedicale|delle Scienze della Vita
		ICT|del Digitale|della Cybersicurezza
		del Mare|delle Tecnologie del Mare|dell’Acqua
		della Fotonica|delle Micro e Nanotecnologie|dell’Elettronica
		dei Materiali Avanzati|della Chimica Verde|della Plastica
		della Meccatronica|Fabbrica Intelligente|della Meccanica
		del Turismo|dello Sport|della Montagna
		della Mobilità|dell’Automotive|della Logistica|Ferroviario`),
	patterns: []string{
		"Distretto Tecnologico {T} {R}", "Distretto Tecnologico {T} {R}", "Cluster Tecnologico Nazionale {T}",
		"Polo di Innovazione {T} {R}", "Distretto {T} {R}", "Rete {T} {R}", "{A} – Distretto {T} {R}",
	},
}

var portuguese = &language{
	topics: topics(`
		Aeronáutico, Espaço e Defesa|Aeroespacial
		de Biotecnologia|das Ciências da Vida
		do Habitat Sustentável|da Construção|da Pedra Natural
		das Indústrias Criativas|da Moda|do Calçado
		da Energia|das Energias Renováveis|da Economia Circular
		Agroindustrial|da Alimentação|do Vinho
		da Saúde|das Tecnologias Médicas
		TICE|do Digital|da Cibersegurança
		do Mar|da Água
		de Fotónica|de Nanotecnologia|da Eletrónica
		dos Materiais|da Química|dos Plásticos
		da Engenharia e Ferramentas|da Metalurgia|da Robótica
		do Turismo|do Desporto|do Turismo de Natureza
		da Mobilidade|Automóvel|da Logística|Ferroviário`),
	patterns: []string{
		"Cluster {T} {R}", "Cluster {T} {R}", "Pólo de Competitividade {T}", "Associação {T} {R}",
		"{A} – Cluster {T} {R}", "Plataforma {T} {R}",
	},
}

var dutch = &language{
	topics: topics(`
		Luchtvaart en Ruimtevaart|Aerospace
		Biotechnologie|Life Sciences|Biobased
		Bouw|Duurzaam Bouwen|Bouwtechniek
		Creatieve Industrie|Design|Gaming
		Energie|Cleantech|Waterstof|Circulaire Economie
		Voeding|Agrofood|Tuinbouw
		Zorg|Medische Technologie|Health
		ICT|Software|Cybersecurity
		Maritiem|Water|Offshore
		Fotonica|Nanotechnologie|Hightech Systemen
		Chemie|Materialen|Kunststoffen
		Maakindustrie|Mechatronica|Smart Industry
		Toerisme|Sport en Vrije Tijd|Recreatie
		Mobiliteit|Logistiek|Automotive`),
	patterns: []string{
		"{T} Cluster {R}", "Cluster {T} {R}", "Stichting {T} {R}", "{R} {T} Netwerk",
		"{A} - {T} Cluster {R}", "{E} Valley {R}",
	},
}

var polish = &language{
	topics: topics(`
		Lotniczy|Kosmiczny|Dolina Lotnicza
		Biotechnologiczny|Nauk o Życiu
		Budowlany|Drzewny|Zrównoważonego Budownictwa
		Kreatywny|Przemysłów Kreatywnych|Mody
		Energetyczny|Czystych Technologii|Odnawialnych Źródeł Energii|Wodorowy
		Spożywczy|Rolno-Spożywczy|Mleczarski
		Medyczny|Ochrony Zdrowia|Technologii Medycznych
		ICT|Informatyczny|Cyberbezpieczeństwa
		Morski|Wodny|Gospodarki Morskiej
		Fotoniczny|Nanotechnologiczny|Elektroniczny
		Chemiczny|Tworzyw Sztucznych|Materiałowy
		Maszynowy|Mechatroniczny|Metalowy|Przemysłu 4.0
		Turystyczny|Sportowy|Turystyki Zdrowotnej
		Motoryzacyjny|Logistyczny|Transportowy|Kolejowy`),
	patterns: []string{
		"Klaster {T} {R}", "Klaster {T} {R}", "Polski Klaster {T}", "Klaster {T} – {R}",
		"Stowarzyszenie Klaster {T} {R}", "{A} – Klaster {T} {R}",
	},
}

var czech = &language{
	topics: topics(`
		Letecký|Kosmický
		Biotechnologický|Biomedicínský
		Stavební|Dřevařský
		Kreativní|Textilní|Sklářský
		Energetický|Ekologický|Vodíkový
		Potravinářský|Pivovarský
		Zdravotnický|Medicínský
		IT|ICT|Kyberbezpečnostní
		Vodárenský|Vodohospodářský
		Nanotechnologický|Optický|Elektrotechnický
		Chemický|Plastikářský|Materiálový
		Strojírenský|Mechatronický|Slévárenský
		Turistický|Sportovní|Lázeňský
		Automobilový|Logistický|Dopravní|Železniční`),
	patterns: []string{
		"{R} {t} klastr", "{R} {t} klastr", "{T} klastr", "Český {t} klastr", "{A} – {R} {t} klastr",
	},
}

var slovak = &language{
	topics: topics(`
		Letecký|Kozmický
		Biotechnologický
		Stavebný|Drevársky
		Kreatívny|Textilný
		Energetický|Environmentálny
		Potravinársky|Vinársky
		Zdravotnícky|Medicínsky
		IT|ICT
		Vodný|Vodohospodársky
		Nanotechnologický|Optický
		Chemický|Plastikársky
		Strojársky|Mechatronický
		Turistický|Kúpeľný|Športový
		Automobilový|Logistický|Dopravný`),
	patterns: []string{
		"{T} klaster – {R}", "{T} klaster {R}", "Slovenský {t} klaster", "{A} – {T} klaster {R}",
	},
}

var danish = &language{
	topics: topics(`
		Rumfart|Droner
		Biotek|Lægemiddel
		Byggeri|Træbyggeri
		Kreativ|Design|Spil
		Energi|Cleantech|Brint
		Fødevare|Mejeri
		Sundhed|Medico|Velfærdsteknologi
		IT|Digital|Software
		Maritim|Vand|Offshore
		Fotonik|Nano|Elektronik
		Materiale|Kemi|Plast
		Robot|Produktions|Maskin
		Turisme|Sports|Friluft
		Mobilitets|Logistik|Transport`),
	patterns: []string{
		"{T}klyngen {R}", "Dansk {T} Klynge", "{G} {T}klynge", "{R} {T} Klynge", "{T} Klynge {R}",
		"{R} {E} Cluster",
	},
}

var swedish = &language{
	topics: topics(`
		Flyg|Rymd|Drönar
		Bioteknik|Läkemedels
		Bygg|Trähus
		Design|Spel|Mode
		Energi|Miljöteknik|Vätgas
		Livsmedels|Mat
		Hälso|Medicinteknik|Vård
		IT|Mjukvaru
		Marin|Vatten|Havs
		Fotonik|Sensor|Elektronik
		Material|Kemi|Plast
		Verkstads|Produktions|Automations
		Turism|Besöksnärings|Friluftslivs
		Fordons|Logistik|Järnvägs`),
	patterns: []string{
		"{T}klustret {R}", "{G} {T}kluster", "{G} {T}kluster", "Föreningen {T}klustret {R}", "{R} {E} Cluster",
	},
}

var norwegian = &language{
	topics: topics(`
		Romfart|Drone
		Biotek|Helsebio
		Bygg|Trebygg
		Kreativ|Design
		Energi|Fornybar|Hydrogen
		Sjømat|Mat|Landbruk
		Helse|Velferdsteknologi
		IKT|Digital
		Maritim|Havbruk|Havteknologi
		Mikro|Sensor
		Material|Prosess|Kompositt
		Produksjons|Teknologi|Robot
		Reiseliv|Opplevelses|Friluftslivs
		Mobilitets|Logistikk|Transport`),
	patterns: []string{
		"{T}klyngen {R}", "NCE {E} {R}", "Arena {T} {R}", "{R} {T}klynge", "{R} {E} Cluster",
	},
}

var finnish = &language{
	topics: topics(`
		Ilmailu|Avaruus
		Bio|Biotalous
		Rakennus|Puurakentamisen
		Media|Muotoilu|Peli
		Energia|Ympäristö|Vety
		Elintarvike|Ruoka|Maito
		Terveys|Hyvinvointi
		Digi|Ohjelmisto|Kyberturva
		Meri|Vesi|Satama
		Fotoniikka|Elektroniikka|Sensori
		Materiaali|Kemian|Muovi
		Kone|Tuotanto|Automaatio
		Matkailu|Liikunta|Luontomatkailu
		Liikenne|Logistiikka|Ajoneuvo`),
	patterns: []string{
		"{T}klusteri {R}", "{T}klusteri {R}", "{R} {E} Cluster", "{T}klusteri", "{A} – {T}klusteri {R}",
	},
}

var romanian = &language{
	topics: topics(`
		Aerospațial|Aeronautic
		de Biotehnologie|Bioeconomic
		de Construcții|al Lemnului
		Industriilor Creative|Textil|al Mobilei
		de Energie|Energetic|Energie Verde
		Agroalimentar|al Vinului
		de Sănătate|Medical
		IT|Digital|de Securitate Cibernetică
		Maritim|al Apei
		de Nanotehnologie|de Electronică
		de Materiale Avansate|Chimic|al Plasticului
		de Inginerie|Mecatronic|de Automatizări
		de Turism|de Turism Balnear
		Auto|de Mobilitate|Logistic|Feroviar`),
	patterns: []string{
		"Clusterul {T} {R}", "Clusterul {T} {R}", "Asociația Clusterul {T} {R}", "{A} – {R} {E} Cluster",
		"Cluster {T} {R}", "{A} – Clusterul {T} {R}",
	},
}

var hungarian = &language{
	topics: topics(`
		Űripari|Légiközlekedési|Drón
		Biotechnológiai|Egészségipari Biotechnológiai
		Építőipari|Faipari
		Kreatív Ipari|Textilipari|Designipari
		Megújuló Energia|Energetikai|Hidrogén
		Élelmiszeripari|Borászati
		Egészségipari|Orvostechnikai
		Infokommunikációs|IT|Szoftveripari
		Vízipari|Víztechnológiai
		Nanotechnológiai|Optikai|Elektronikai
		Vegyipari|Műanyagipari|Anyagtudományi
		Gépipari|Mechatronikai|Fémipari
		Turisztikai|Gyógyturisztikai|Sport
		Autóipari|Logisztikai|Vasúti`),
	patterns: []string{
		"{R} {T} Klaszter", "{R} {T} Klaszter", "{T} Klaszter", "{A} – {R} {T} Klaszter", "{R} {E} Cluster",
	},
}

var croatian = &language{
	topics: topics(`
		zrakoplovstva|svemirskih tehnologija
		biotehnologije|znanosti o životu
		graditeljstva|drvne industrije|održive gradnje
		kreativnih industrija|tekstila i mode
		energetike|obnovljivih izvora energije|zaštite okoliša
		prehrambene industrije|vinarstva|poljoprivrede
		zdravstva|medicinske tehnologije|zdravstvenog turizma
		IKT|informacijskih tehnologija|kibernetičke sigurnosti
		pomorstva|vodnog gospodarstva|brodogradnje
		nanotehnologije|elektronike
		kemijske industrije|plastike|novih materijala
		strojarstva|poljomehanizacije|metaloprerađivačke industrije
		turizma|sporta|nautičkog turizma
		mobilnosti|logistike|željezničkog prometa`),
	patterns: []string{
		"Klaster {T}", "Klaster {T} {R}", "Klaster {T} {R}", "{A} – Klaster {T}", "{R} {E} Cluster",
	},
}

var turkish = &language{
	topics: topics(`
		Havacılık ve Uzay|Savunma ve Havacılık
		Biyoteknoloji|Yaşam Bilimleri
		İnşaat|Yapı Malzemeleri
		Yaratıcı Endüstriler|Tekstil ve Moda|Mobilya
		Enerji|Yenilenebilir Enerji|Çevre Teknolojileri
		Gıda|Tarım ve Gıda
		Sağlık|Medikal
		Bilişim|Yazılım
		Denizcilik|Su Teknolojileri|Gemi İnşa
		Nanoteknoloji|Elektronik|Optik
		Kimya|Plastik|Kompozit
		Makine|Savunma Sanayi|Döküm
		Turizm|Sağlık Turizmi|Spor
		Otomotiv|Lojistik|Raylı Sistemler`),
	patterns: []string{
		"{R} {T} Kümelenmesi", "{R} {T} Kümelenmesi", "{T} Kümelenme Derneği", "{R} {T} Kümelenmesi Derneği",
		"{R} {E} Cluster",
	},
}

// loc builds a locale; regions are "field|name; field|name; ...".
func loc(lang *language, weight int, regionList string, suffixes ...string) locale {
	return locale{lang: lang, weight: weight, regions: regions(regionList), suffixes: suffixes}
}

// countries are 50 countries: the EU, the EEA, candidates and neighbours,
// and a few from further away, as in the real directory. Weights roughly
// follow how many labelled clusters each has.
var countries = func() []country {
	cs := []country{
		{"AT", "AUT", 4, []locale{loc(german, 1, "Oberösterreich; Steiermark; Wien; Niederösterreich; Tirol; Salzburg; Kärnten; Vorarlberg", " GmbH")}, 0},
		{"BE", "BEL", 4, []locale{
			loc(dutch, 3, "Vlaanderen; Antwerpen; Oost-Vlaanderen|Gent; Limburg; West-Vlaanderen|Kortrijk; Vlaams-Brabant|Leuven", " vzw"),
			loc(french, 2, "Wallonie; Liège; Bruxelles-Capitale|Bruxelles; Hainaut; Namur; Brabant wallon", " asbl"),
		}, 0},
		{"BG", "BGR", 2, []locale{loc(english, 1, "Sofia; Plovdiv; Varna; Ruse; Stara Zagora; Sofia|~Bulgarian")}, 0},
		{"HR", "HRV", 2, []locale{loc(croatian, 1, "Grad Zagreb|Zagreb; Splitsko-dalmatinska|Split; Primorsko-goranska|Rijeka; Osječko-baranjska|Slavonija; Istarska|Istra; Varaždinska|Varaždin", " d.o.o.")}, 0},
		{"CY", "CYP", 1, []locale{loc(english, 1, "Nicosia; Limassol; Larnaca; Nicosia|~Cyprus")}, 0},
		{"CZ", "CZE", 4, []locale{loc(czech, 1, "Moravskoslezský kraj|Moravskoslezský; Jihomoravský kraj|Jihomoravský; Praha|Pražský; Plzeňský kraj|Plzeňský; Liberecký kraj|Liberecký; Olomoucký kraj|Olomoucký; Zlínský kraj|Zlínský; Jihočeský kraj|Jihočeský; Královéhradecký kraj|Královéhradecký", ", z. s.", ", z.s.p.o.")}, 0},
		{"DK", "DNK", 4, []locale{loc(danish, 1, "Hovedstaden|København; Midtjylland|Aarhus; Syddanmark|Odense; Nordjylland|Aalborg; Sjælland; Syddanmark|Sønderborg; Midtjylland|Herning")}, 0},
		{"EE", "EST", 1, []locale{loc(english, 1, "Harju|~Estonian; Harju|Tallinn; Tartu; Ida-Viru")}, 0},
		{"FI", "FIN", 3, []locale{loc(finnish, 1, "Pohjanmaa; Pirkanmaa; Uusimaa; Varsinais-Suomi; Pohjois-Savo; Lappi; Kainuu; Pohjois-Pohjanmaa; Päijät-Häme", " ry")}, 0},
		{"FR", "FRA", 8, []locale{loc(french, 1, "Auvergne-Rhône-Alpes|Rhône-Alpes; Occitanie; Nouvelle-Aquitaine|Aquitaine; Île-de-France|Paris-Région; Bretagne; Pays de la Loire|Atlantique; Grand Est|Alsace; Normandie; Hauts-de-France|Nord; Provence-Alpes-Côte d’Azur|Méditerranée; Bourgogne-Franche-Comté|Franche-Comté; Centre-Val de Loire|Val de Loire; Grand Est|Lorraine; Auvergne-Rhône-Alpes|Auvergne")}, 0},
		{"DE", "DEU", 14, []locale{loc(german, 1, "Bayern; Baden-Württemberg; Sachsen; Thüringen; Nordrhein-Westfalen; Niedersachsen; Hessen; Berlin-Brandenburg; Hamburg; Bremen; Rheinland-Pfalz; Saarland; Schleswig-Holstein; Mecklenburg-Vorpommern; Sachsen-Anhalt; Bayern|Franken; Bayern|Ostbayern; Baden-Württemberg|Bodensee; Nordrhein-Westfalen|Ruhr; Nordrhein-Westfalen|Münsterland; Niedersachsen|Südniedersachsen; Baden-Württemberg|Schwarzwald; Hessen|Rhein-Main; Sachsen|Erzgebirge", " e. V.", " e. V.", " GmbH")}, 0},
		{"GR", "GRC", 3, []locale{loc(english, 1, "Attica|~Hellenic; Attica|Athens; Central Macedonia|Thessaloniki; Crete|~Cretan; Thessaly; Western Greece|Patras; Epirus")}, 0},
		{"HU", "HUN", 4, []locale{loc(hungarian, 1, "Nyugat-Dunántúl|Pannon; Észak-Alföld|Észak-Alföldi; Dél-Alföld|Dél-Alföldi; Nyugat-Dunántúl|Nyugat-Dunántúli; Közép-Magyarország|Közép-Magyarországi; Budapest|Budapesti; Győr-Moson-Sopron|Győri; Hajdú-Bihar|Debreceni; Borsod-Abaúj-Zemplén|Miskolci")}, 0},
		{"IE", "IRL", 2, []locale{loc(english, 1, "Dublin; Cork; Galway; Limerick; Border, Midland and Western|Western; Dublin|~Irish")}, 0},
		{"IT", "ITA", 8, []locale{loc(italian, 1, "Campania|della Campania; Piemonte|del Piemonte; Lombardia|della Lombardia; Veneto|del Veneto; Emilia-Romagna|dell’Emilia-Romagna; Puglia|della Puglia; Sicilia|della Sicilia; Toscana|della Toscana; Lazio|del Lazio; Sardegna|della Sardegna; Friuli Venezia Giulia|del Friuli Venezia Giulia; Marche|delle Marche; Trentino-Alto Adige|del Trentino; Liguria|della Liguria", " S.c.a r.l.", ", S.c.a r.l.", " Scarl")}, 0},
		{"LV", "LVA", 2, []locale{loc(english, 1, "Rīga|~Latvian; Rīga; Kurzeme; Latgale; Vidzeme; Zemgale")}, 0},
		{"LT", "LTU", 2, []locale{loc(english, 1, "Vilnius; Kaunas; Klaipėda; Šiauliai; Vilnius|~Lithuanian; Panevėžys")}, 0},
		{"LU", "LUX", 1, []locale{
			loc(french, 1, "Luxembourg; Esch-sur-Alzette|Minett"),
			loc(english, 1, "Luxembourg; Luxembourg|~Luxembourg National"),
		}, 0},
		{"MT", "MLT", 1, []locale{loc(english, 1, "Malta; Gozo; Malta|~Maltese")}, 0},
		{"NL", "NLD", 4, []locale{loc(dutch, 1, "Noord-Brabant|Brabant; Zuid-Holland; Noord-Holland|Amsterdam; Gelderland; Overijssel|Twente; Limburg; Groningen|Noord-Nederland; Utrecht; Zeeland; Flevoland; Friesland|Fryslân")}, 0},
		{"PL", "POL", 8, []locale{loc(polish, 1, "Śląskie|Śląsk; Pomorskie|Pomorze; Mazowieckie|Mazowsze; Małopolskie|Małopolska; Wielkopolskie|Wielkopolska; Podkarpackie|Podkarpacie; Dolnośląskie|Dolny Śląsk; Łódzkie|Łódź; Lubelskie|Lubelszczyzna; Zachodniopomorskie|Pomorze Zachodnie; Podlaskie|Podlasie; Warmińsko-Mazurskie|Warmia i Mazury", " Sp. z o.o.")}, 0},
		{"PT", "PRT", 4, []locale{loc(portuguese, 1, "Norte|do Norte; Centro|do Centro; Lisboa|de Lisboa; Alentejo|do Alentejo; Algarve|do Algarve; Açores|dos Açores; Madeira|da Madeira; Norte|de Portugal; Norte|do Minho")}, 0},
		{"RO", "ROU", 5, []locale{loc(romanian, 1, "Nord-Est; Centru|Transilvania; Vest|Banat; Sud-Vest Oltenia|Oltenia; Sud-Muntenia|Muntenia; Sud-Est|Dobrogea; Nord-Vest|Transilvania de Nord; București-Ilfov|București; Nord-Est|Moldova")}, 0},
		{"SK", "SVK", 2, []locale{loc(slovak, 1, "Trnavský kraj|Západné Slovensko; Košický kraj|Východné Slovensko; Bratislavský kraj|Bratislava; Žilinský kraj|Žilina; Banskobystrický kraj|Stredné Slovensko; Prešovský kraj|Prešov", ", z. p. o.")}, 0},
		{"SI", "SVN", 2, []locale{loc(english, 1, "Osrednjeslovenska|~Slovenian; Osrednjeslovenska|Ljubljana; Podravska|Maribor; Savinjska|Celje; Gorenjska; Štajerska|~Styrian")}, 0},
		{"ES", "ESP", 10, []locale{
			loc(spanish, 7, "Aragón; Andalucía; País Vasco; Comunidad de Madrid|Madrid; Castilla y León; Galicia; Comunitat Valenciana; Región de Murcia|Murcia; Asturias; Navarra; Cantabria; Castilla-La Mancha; Extremadura; La Rioja; Canarias; Illes Balears|Baleares; Andalucía|Sierra Sur"),
			loc(catalan, 3, "Catalunya|Catalunya; Catalunya|Barcelona; Catalunya|Girona; Catalunya|Lleida; Catalunya|Tarragona; Catalunya|Penedès; Catalunya|Vallès; Catalunya|Camp de Tarragona"),
		}, 0},
		{"SE", "SWE", 4, []locale{loc(swedish, 1, "Skåne; Västra Götaland; Stockholm; Östergötland; Norrbotten; Västerbotten; Värmland; Jönköping|Småland; Dalarna; Uppsala; Västmanland|Mälardalen")}, 0},
		{"IS", "ISL", 1, []locale{loc(english, 1, "Höfuðborgarsvæðið|Reykjavík; Norðurland eystra|Akureyri; Höfuðborgarsvæðið|~Icelandic; Suðurnes")}, 0},
		{"LI", "LIE", 1, []locale{loc(german, 1, "Vaduz|Liechtenstein; Schaan|Rheintal", " e. V.")}, 0},
		{"NO", "NOR", 3, []locale{loc(norwegian, 1, "Vestland|Bergen; Møre og Romsdal|Ålesund; Rogaland|Stavanger; Trøndelag|Trondheim; Oslo; Viken|Kongsberg; Nordland|Bodø; Nordland|Lofoten; Troms og Finnmark|Tromsø", " AS")}, 0},
		{"CH", "CHE", 3, []locale{
			loc(german, 3, "Zürich; Basel; Bern; Luzern|Zentralschweiz; St. Gallen|Ostschweiz; Aargau"),
			loc(french, 2, "Genève; Vaud|Lausanne; Neuchâtel; Valais; Fribourg; Jura|Arc jurassien"),
			loc(italian, 1, "Ticino|del Ticino"),
		}, 0},
		{"GB", "GBR", 3, []locale{loc(english, 1, "Scotland; Scotland|~Scottish; Wales; Wales|~Welsh; North East England|North East; West Midlands|Midlands; Northern Ireland; Yorkshire and the Humber|Yorkshire; South West England|South West; East of England|Cambridge")}, 0},
		{"TR", "TUR", 3, []locale{loc(turkish, 1, "Ankara; İstanbul; İzmir; Bursa; Kocaeli; Konya; Gaziantep; Kayseri; Eskişehir")}, 0},
		{"UA", "UKR", 2, []locale{loc(english, 1, "Kyiv; Kharkiv; Lviv; Dnipro; Odesa; Kyiv|~Ukrainian; Zakarpattia")}, 0},
		{"GE", "GEO", 1, []locale{loc(english, 1, "Tbilisi; Imereti|Kutaisi; Adjara|Batumi; Tbilisi|~Georgian")}, 0},
		{"KR", "KOR", 1, []locale{loc(english, 1, "Seoul; Gyeonggi; Daejeon; Busan; Gyeongsangbuk-do|Gyeongbuk; Ulsan; Gwangju")}, 0},
		{"JO", "JOR", 1, []locale{loc(english, 1, "Amman; Irbid; Zarqa; Aqaba; Amman|~Jordan")}, 0},
		{"MX", "MEX", 2, []locale{loc(spanish, 1, "Jalisco; Nuevo León; Querétaro; Chihuahua; Baja California; Ciudad de México; Guanajuato|El Bajío; Sonora; Coahuila; Yucatán", ", A.C.", ", A.C.")}, 0},
		{"MA", "MAR", 1, []locale{loc(french, 1, "Casablanca-Settat|Casablanca; Tanger-Tétouan-Al Hoceïma|Tanger; Rabat-Salé-Kénitra|Rabat; Souss-Massa|Agadir; Fès-Meknès|Fès; Marrakech-Safi|Marrakech")}, 0},
		{"TN", "TUN", 1, []locale{loc(french, 1, "Tunis; Sfax; Sousse; Monastir; Bizerte; Nabeul")}, 0},
		{"RS", "SRB", 2, []locale{loc(croatian, 1, "Vojvodina; Beograd; Niš; Šumadija; Južna Bačka|Novi Sad", " d.o.o.")}, 0},
		{"BA", "BIH", 1, []locale{loc(croatian, 1, "Sarajevo; Republika Srpska|Banja Luka; Hercegovina|Mostar; Tuzla", " d.o.o.")}, 0},
		{"ME", "MNE", 1, []locale{loc(croatian, 1, "Podgorica; Nikšić; Bar; Boka Kotorska|Boka")}, 0},
		{"MK", "MKD", 1, []locale{loc(english, 1, "Skopje; Bitola; Tetovo; Skopje|~Macedonian")}, 0},
		{"AL", "ALB", 1, []locale{loc(english, 1, "Tirana; Durrës; Shkodër; Vlorë; Tirana|~Albanian")}, 0},
		{"MD", "MDA", 1, []locale{loc(romanian, 1, "Chișinău; Bălți; Cahul; Găgăuzia|Comrat; Chișinău|Moldova")}, 0},
		{"AM", "ARM", 1, []locale{loc(english, 1, "Yerevan; Shirak|Gyumri; Yerevan|~Armenian")}, 0},
		{"IL", "ISR", 1, []locale{loc(english, 1, "Tel Aviv; Haifa; Jerusalem; Southern District|Negev")}, 0},
		{"EG", "EGY", 1, []locale{loc(english, 1, "Cairo; Alexandria; Giza; Cairo|~Egyptian")}, 0},
		{"BR", "BRA", 1, []locale{loc(portuguese, 1, "São Paulo|de São Paulo; Minas Gerais|de Minas Gerais; Santa Catarina|de Santa Catarina; Paraná|do Paraná; Rio Grande do Sul|do Rio Grande do Sul")}, 0},
	}
	for i := range cs {
		for _, l := range cs[i].locales {
			cs[i].localeTotal += l.weight
		}
	}
	return cs
}()

// countryTotal is the sum of the country weights.
var countryTotal = func() int {
	n := 0
	for _, c := range countries {
		n += c.weight
	}
	return n
}()

// sectors are free-text sectors per portfolio.
var sectors = [numPortfolios][]string{
	{"Aeronautics", "Space", "Drones", "Defence", "Maintenance, repair and overhaul"},
	{"Biotechnology", "Pharmaceuticals", "Bioeconomy", "Diagnostics", "Industrial biotechnology"},
	{"Construction", "Building materials", "Timber construction", "Architecture", "Smart buildings"},
	{"Design", "Media", "Games", "Film and audiovisual", "Fashion", "Textiles"},
	{"Renewable energy", "Energy efficiency", "Hydrogen", "Environmental technologies", "Circular economy", "Waste management"},
	{"Agri-food", "Dairy", "Wine", "Meat processing", "Food technology", "Fisheries", "Olive oil"},
	{"Medical devices", "Digital health", "Healthcare", "Active ageing", "Life sciences"},
	{"Software", "Cybersecurity", "Artificial intelligence", "Internet of things", "Telecommunications", "Cloud services"},
	{"Shipbuilding", "Ports", "Offshore", "Water management", "Aquaculture", "Blue economy"},
	{"Photonics", "Microelectronics", "Nanotechnology", "Sensors", "Semiconductors"},
	{"Chemicals", "Plastics", "Composites", "Advanced materials", "Metals", "Ceramics"},
	{"Mechanical engineering", "Mechatronics", "Automation", "Robotics", "Metalworking", "Industry 4.0"},
	{"Tourism", "Sports", "Leisure", "Outdoor", "Hospitality", "Wellness"},
	{"Automotive", "Logistics", "Rail", "Electromobility", "Transport", "Aviation services"},
}

// crossSectors are sectors that appear next to any portfolio.
var crossSectors = []string{"Software", "Circular economy", "Industry 4.0", "Logistics", "Design", "Artificial intelligence", "Energy efficiency"}

// Experts come from a fixed pool, as in reality a few dozen benchmarking
// experts do all interviews.
var (
	expertFirst = strings.Fields("Anna Thomas Marie José Giulia Łukasz Søren Ana Jean-Luc Katarzyna Mikko Ingrid Zoltán Ioana Pieter Miguel Eva Jan Francesca Nikolaos Birgit Olga Tomasz Petra Gerd Merete Ülle Rasa Dragan Aoife Hélène Jordi")
	expertLast  = strings.Fields("Müller Dubois García Rossi Kowalski Novák Jensen Andersson Virtanen Vermeulen Silva Popescu Nagy Horvat Papadopoulos Schmidt Martínez Ferraresi O’Brien Janssens Lindqvist Kovačević Meier Fontaine Sørensen Wiśniewska Moreau Lehtonen")
	experts     = func() []string {
		es := make([]string, 48)
		for j := range es {
			es[j] = expertFirst[(j*7+3)%len(expertFirst)] + " " + expertLast[(j*11+5)%len(expertLast)]
		}
		return es
	}()
)

// Indicator choices, as in ecei-bronze.toml (the tests check them against
// the methodology).
var (
	legalForms       = []string{"association", "limited company", "foundation", "public body", "cooperative", "part of another organisation", "other"}
	legalFormWeights = []int{45, 25, 8, 7, 5, 8, 2}
	servicePortfolio = []string{"information and communication", "matchmaking", "training and qualification", "collaborative R&D", "access to funding", "internationalisation", "marketing and branding", "foresight and strategy", "digital transformation", "green transition", "other"}
	contactFreqs     = []string{"weekly", "monthly", "quarterly", "twice a year", "yearly or less"}
	contactWeights   = []int{15, 45, 25, 10, 5}
	channelChoices   = []string{"website", "newsletter", "social media", "member portal", "events", "personal visits", "phone and video calls"}
)
