"""Word lists the extractor recognises: scales, number words, units, currencies and cues.

Everything language-specific lives here as plain data so that adding an alias is a one-line
change; `patterns.py` turns these tables into regular expressions and `extract.py` looks the
matched text up in them. Keys are lower case with single spaces unless a comment says otherwise.
"""

# Tables are laid out by hand, several entries a line, to keep related aliases together.
# fmt: off

# --- Numbers -------------------------------------------------------------------------------

# Scale words after a numeral. Misspellings seen in translated and OCR'd text are listed
# explicitly; `numbers.scale_multiplier` also accepts any other spelling the scale regex lets
# through (e.g. "bilion", "milllion") by its first letters.
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "hundreds": 1e2,
    "thousand": 1e3,
    "thousands": 1e3,
    "k": 1e3,
    "ten thousand": 1e4,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "mio": 1e6,
    "m": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "billion": 1e9,
    "billions": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "tln": 1e12,
    # Chinese scale characters survive in translated figures ("1.2亿元").
    "万": 1e4,
    "亿": 1e8,
}

# Spelled-out numbers. "a"/"an" count as one only before a scale word or "dozen"/"pair".
NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

# Words that stand for a number on their own ("a dozen eggs", "a pair of shoes").
COLLECTIVE_WORDS: dict[str, int] = {"dozen": 12, "pair": 2, "couple": 2}

# Multiplicative adverbs: "twice the size" is 2 times.
MULTIPLIER_WORDS: dict[str, int] = {"twice": 2, "thrice": 3}

# Verbs of a multiple: "almost doubled to 19.08 million", "more than trebled". The past and -ing
# forms always multiply; the bare forms ("double", "triple") only where MULTIPLYING_BASE_RE
# (patterns.py) reads them as verbs ("triple to USD10.7bn", "nearly double that of 2014").
MULTIPLYING_VERBS: dict[str, int] = {
    "doubled": 2, "doubling": 2, "tripled": 3, "tripling": 3, "trebled": 3, "trebling": 3,
    "quadrupled": 4, "quadrupling": 4,
}
MULTIPLYING_BASE_VERBS: dict[str, int] = {"double": 2, "triple": 3, "treble": 3, "quadruple": 4}
# "halved": a fall by half, as "slashed by half" is.
HALVING_VERBS = frozenset({"halved", "halving"})
# Function words a badly extracted page glues to a numeral ("there were1,239", "435were at"):
# the numeral is read as if a space stood between them.
GLUED_WORDS = frozenset({
    "were", "was", "are", "is", "of", "and", "with", "by", "than", "over", "about", "to", "had",
    "has", "have", "some", "nearly", "almost", "only", "from", "for", "which", "reached", "totaled",
    "totalled", "another", "around", "approximately", "at", "in", "the",
})

# Fractions written as words; "half" alone is 0.5, "two-thirds" is 2/3.
FRACTION_WORDS: dict[str, float] = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fourth": 1 / 4,
    "fourths": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "sixth": 1 / 6,
    "sixths": 1 / 6,
    "seventh": 1 / 7,
    "sevenths": 1 / 7,
    "eighth": 1 / 8,
    "eighths": 1 / 8,
    "ninth": 1 / 9,
    "ninths": 1 / 9,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}

UNICODE_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅛": 1 / 8,
    "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
}

# --- Money ---------------------------------------------------------------------------------

# Symbols and codes written before the amount ("US$30", "RMB 857.7 billion"). Case-sensitive:
# "RMB" is money, "rmb" in running text is not worth guessing about.
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "USD": "USD", "USD$": "USD",
    "HK$": "HKD", "HKD": "HKD", "NT$": "TWD", "TWD": "TWD", "S$": "SGD", "SGD": "SGD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "NZ$": "NZD", "NZD": "NZD", "R$": "BRL", "BRL": "BRL", "MX$": "MXN", "MXN": "MXN",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "CNY", "￥": "CNY",
    "RMB": "CNY", "CNY": "CNY", "CN¥": "CNY", "JP¥": "JPY", "JPY": "JPY", "₹": "INR",
    "Rs": "INR", "Rs.": "INR", "INR": "INR", "₩": "KRW", "KRW": "KRW", "₽": "RUB", "RUB": "RUB",
    "CHF": "CHF", "SFr": "CHF", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "ZAR": "ZAR",
    "THB": "THB", "฿": "THB", "MYR": "MYR", "RM": "MYR", "IDR": "IDR", "Rp": "IDR",
    "VND": "VND", "₫": "VND", "SAR": "SAR", "AED": "AED", "PLN": "PLN", "TRY": "TRY",
    "₺": "TRY", "₦": "NGN", "NGN": "NGN", "₱": "PHP", "ILS": "ILS", "₪": "ILS", "CZK": "CZK",
    "HUF": "HUF", "EGP": "EGP", "PKR": "PKR", "BDT": "BDT", "KZT": "KZT", "UAH": "UAH",
    # "US $45", "U.S. $45" (a space inside the prefix), and the signs of smaller currencies
    "US $": "USD", "U.S. $": "USD", "₡": "CRC", "CRC": "CRC", "₴": "UAH", "₭": "LAK",
    "₮": "MNT", "₾": "GEL", "₼": "AZN", "₸": "KZT", "₲": "PYG", "₵": "GHS", "₿": "BTC",
    "BTC": "BTC", "Ksh": "KES", "KES": "KES", "HK $": "HKD",
    # Macau's pataca, as its statistics service writes it ("MOP495 million", "MOP$50,000")
    "MOP": "MOP", "MOP$": "MOP", "MOP $": "MOP",
    # the Financial Times' and The Economist's style ("Rmb1,000bn", "Rmb2.5bn")
    "Rmb": "CNY",
}

# Currency signs written after the amount ("10 $", "15 €", "100元"): the prefixes that are not
# letters, and the Chinese and Japanese characters for yuan and yen.
CURRENCY_SUFFIX_SIGNS: dict[str, str] = {"元": "CNY", "圆": "CNY", "円": "JPY"}

# Symbols whose currency depends on the document: "¥" is yuan in Chinese context (the
# default for this corpus) and yen when the surrounding text talks about Japan.
AMBIGUOUS_YEN_SYMBOLS = frozenset({"¥", "￥"})
JAPAN_CUES = ("Japan", "Japanese", "yen", "Tokyo", "Nikkei")

# Currency names written after the amount ("53.96 billion yuan", "5 million US dollars").
# Matched case-insensitively; ISO codes after the amount are added from CURRENCY_PREFIXES.
CURRENCY_WORDS: dict[str, str] = {
    "yuan": "CNY", "yuan renminbi": "CNY", "renminbi": "CNY", "rmb": "CNY", "kuai": "CNY",
    "chinese yuan": "CNY",
    "dollar": "USD", "dollars": "USD", "us dollar": "USD", "us dollars": "USD",
    "u.s. dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    # "U. S. dollars": a page that spaced the abbreviation
    "u. s. dollar": "USD", "u. s. dollars": "USD",
    "hong kong dollar": "HKD", "hong kong dollars": "HKD", "hk dollars": "HKD",
    "singapore dollar": "SGD", "singapore dollars": "SGD",
    "australian dollar": "AUD", "australian dollars": "AUD",
    "canadian dollar": "CAD", "canadian dollars": "CAD",
    "new zealand dollar": "NZD", "new zealand dollars": "NZD",
    "taiwan dollar": "TWD", "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "pataca": "MOP", "patacas": "MOP", "macau pataca": "MOP", "macau patacas": "MOP", "macao patacas": "MOP",
    "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "british pounds": "GBP", "quid": "GBP",
    "yen": "JPY", "japanese yen": "JPY",
    "korean won": "KRW", "rupee": "INR", "rupees": "INR", "indian rupees": "INR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "swiss franc": "CHF", "swiss francs": "CHF", "francs": "CHF",
    "rand": "ZAR", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR",
    "peso": "MXN", "pesos": "MXN", "real": "BRL", "reais": "BRL",
    "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
    "zloty": "PLN", "lira": "TRY", "liras": "TRY", "naira": "NGN",
    "krona": "SEK", "kronor": "SEK", "swedish krona": "SEK", "krone": "NOK", "kroner": "NOK",
    "shekel": "ILS", "shekels": "ILS", "new shekels": "ILS", "new israeli shekels": "ILS",
    "danish crown": "DKK", "danish crowns": "DKK", "danish krone": "DKK", "danish kroner": "DKK",
    "swedish crown": "SEK", "swedish crowns": "SEK", "swedish kronor": "SEK",
    "norwegian crown": "NOK", "norwegian crowns": "NOK", "norwegian krone": "NOK",
    "norwegian kroner": "NOK", "czech crowns": "CZK", "czech korunas": "CZK", "koruna": "CZK",
    "korunas": "CZK", "crowns": "DKK", "crown": "DKK", "markka": "FIM", "markkaa": "FIM", "finnish markka": "FIM",
    "finnish marks": "FIM", "deutsche marks": "DEM", "deutschmarks": "DEM",
    "d-marks": "DEM", "guilder": "NLG", "guilders": "NLG", "dutch guilders": "NLG",
    "french francs": "FRF", "belgian francs": "BEF", "lire": "ITL", "italian lire": "ITL",
    "turkish lira": "TRY", "pesetas": "ESP", "peseta": "ESP", "escudos": "PTE",
    "drachmas": "GRD", "drachmae": "GRD", "schillings": "ATS", "punts": "IEP",
    "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "nepalese rupees": "NPR",
    "indonesian rupiah": "IDR", "philippine pesos": "PHP", "mexican pesos": "MXN",
    "argentine pesos": "ARS", "chilean pesos": "CLP", "colombian pesos": "COP",
    "brazilian reais": "BRL", "brazilian real": "BRL", "south african rand": "ZAR",
    "malaysian ringgit": "MYR", "ringgits": "MYR", "thai baht": "THB", "south korean won": "KRW",
    "vietnamese dong": "VND", "taka": "BDT", "kwacha": "ZMW", "cedis": "GHS", "cedi": "GHS",
    "shilling": "KES", "shillings": "KES", "kenyan shillings": "KES", "birr": "ETB",
    "dinar": "KWD", "dinars": "KWD", "kuwaiti dinars": "KWD", "tenge": "KZT", "hryvnia": "UAH",
    "hryvnias": "UAH", "forint": "HUF", "forints": "HUF", "zlotys": "PLN", "lei": "RON",
    "leu": "RON", "lev": "BGN", "leva": "BGN", "kuna": "HRK", "rial": "IRR", "rials": "IRR",
    "colon": "CRC", "colones": "CRC", "bolivars": "VES", "soles": "PEN", "sol": "PEN",
    "quetzales": "GTQ", "egyptian pounds": "EGP", "bitcoin": "BTC", "bitcoins": "BTC",
    "ether": "ETH", "zimbabwe dollars": "ZWL", "jamaican dollars": "JMD",
}

# Minor currency units after an amount ("45 cents", "12 pence", "85 fen"): the major currency
# (None: that of the nearest money figure in the sentence, else US dollars) and the fraction of
# it one unit is worth. "45 cents" is stored as 0.45 of the major currency.
MINOR_CURRENCY_WORDS: dict[str, tuple[str | None, float]] = {
    "cent": (None, 0.01), "cents": (None, 0.01), "pence": ("GBP", 0.01), "penny": ("GBP", 0.01),
    "pennies": ("GBP", 0.01), "fen": ("CNY", 0.01), "jiao": ("CNY", 0.1), "paise": ("INR", 0.01),
    "kopecks": ("RUB", 0.01), "kopeks": ("RUB", 0.01), "sen": ("MYR", 0.01),
    "malaysian sen": ("MYR", 0.01), "satoshi": ("BTC", 1e-8), "p": ("GBP", 0.01), "satoshis": ("BTC", 1e-8), "pfennigs": ("DEM", 0.01),
    "pfennig": ("DEM", 0.01), "centimes": ("EUR", 0.01), "centimos": ("EUR", 0.01),
    "kobo": ("NGN", 0.01), "agorot": ("ILS", 0.01), "halalas": ("SAR", 0.01),
}

# Minor units as a person names them, singular ("19 cents": printed unit "cent").
MINOR_UNIT_NAMES: dict[str, str] = {
    "cents": "cent", "pennies": "penny", "pence": "penny", "kopecks": "kopeck",
    "kopeks": "kopeck", "satoshis": "satoshi", "pfennigs": "pfennig", "centimes": "centime",
    "centimos": "centimo", "halalas": "halala", "agorot": "agora", "paise": "paisa",
    "p": "penny",
}
# Currencies divided into cents, which "cents" can belong to; anything else means US cents.
CENT_CURRENCIES = frozenset({
    "USD", "EUR", "AUD", "CAD", "HKD", "SGD", "NZD", "TWD", "MXN", "BRL", "ZAR", "MOP",
})

# Currency words that are also ordinary English ("they won", "for real"): only money when a
# scale word sits between number and word ("5 billion won").
CURRENCY_WORDS_NEEDING_SCALE: dict[str, str] = {"won": "KRW", "dong": "VND"}

# --- Other units ---------------------------------------------------------------------------

# unit text (lower case) -> (unit, unit class). unit_class "multiplier" covers "6 times",
# "3-fold" and fractions ("half"), which are ratios rather than amounts of anything.
UNITS: dict[str, tuple[str, str]] = {
    "%": ("percent", "percent"), "percent": ("percent", "percent"),
    "per cent": ("percent", "percent"), "pct": ("percent", "percent"),
    "per-cent": ("percent", "percent"), "percentage": ("percent", "percent"),
    "percentage point": ("percentage_point", "percent"),
    "percentage points": ("percentage_point", "percent"),
    "percent point": ("percentage_point", "percent"),
    "percent points": ("percentage_point", "percent"),
    "pp": ("percentage_point", "percent"), "ppt": ("percentage_point", "percent"),
    "ppts": ("percentage_point", "percent"),
    "basis point": ("basis_point", "percent"), "basis points": ("basis_point", "percent"),
    "bp": ("basis_point", "percent"), "bps": ("basis_point", "percent"),
    "‰": ("per_mille", "percent"),
    # area
    "㎡": ("m2", "area"), "m2": ("m2", "area"), "m²": ("m2", "area"), "sq m": ("m2", "area"),
    "sqm": ("m2", "area"), "sq. m": ("m2", "area"), "sq.m": ("m2", "area"), "sq. m.": ("m2", "area"),
    "square meter": ("m2", "area"), "square meters": ("m2", "area"),
    "square metre": ("m2", "area"), "square metres": ("m2", "area"),
    "km2": ("km2", "area"), "km²": ("km2", "area"), "㎢": ("km2", "area"),
    "sq km": ("km2", "area"), "sq. km": ("km2", "area"),
    "square kilometer": ("km2", "area"), "square kilometers": ("km2", "area"),
    "square kilometre": ("km2", "area"), "square kilometres": ("km2", "area"),
    "hectare": ("ha", "area"), "hectares": ("ha", "area"), "ha": ("ha", "area"),
    "mu": ("mu", "area"), "acre": ("acre", "area"), "acres": ("acre", "area"),
    "square foot": ("ft2", "area"), "square feet": ("ft2", "area"), "sq ft": ("ft2", "area"),
    "sq. ft": ("ft2", "area"), "sq. ft.": ("ft2", "area"), "sq mi": ("mi2", "area"),
    "square mile": ("mi2", "area"), "square miles": ("mi2", "area"),
    # length
    "km": ("km", "length"), "kilometer": ("km", "length"), "kilometers": ("km", "length"),
    "kilometre": ("km", "length"), "kilometres": ("km", "length"),
    "meter": ("m", "length"), "meters": ("m", "length"), "metre": ("m", "length"),
    "metres": ("m", "length"), "cm": ("cm", "length"), "centimeters": ("cm", "length"),
    "centimetres": ("cm", "length"), "mm": ("mm", "length"), "millimeters": ("mm", "length"),
    "millimetres": ("mm", "length"), "nm": ("nm", "length"), "nanometers": ("nm", "length"),
    "nanometres": ("nm", "length"), "mile": ("mi", "length"), "miles": ("mi", "length"),
    "foot": ("ft", "length"), "feet": ("ft", "length"), "ft": ("ft", "length"),
    "inch": ("in", "length"), "inches": ("in", "length"),
    # mass
    "kg": ("kg", "mass"), "kgs": ("kg", "mass"), "kilogram": ("kg", "mass"),
    "kilograms": ("kg", "mass"), "kilogramme": ("kg", "mass"), "kilogrammes": ("kg", "mass"),
    "g": ("g", "mass"), "gram": ("g", "mass"), "grams": ("g", "mass"),
    "tonne": ("t", "mass"), "tonnes": ("t", "mass"), "ton": ("t", "mass"), "tons": ("t", "mass"),
    "metric tons": ("t", "mass"), "metric tonnes": ("t", "mass"), "mt": ("t", "mass"),
    "lb": ("lb", "mass"), "lbs": ("lb", "mass"), "ounce": ("oz", "mass"),
    "ounces": ("oz", "mass"), "oz": ("oz", "mass"), "jin": ("jin", "mass"),
    # duration
    "year": ("year", "duration"), "years": ("year", "duration"), "yrs": ("year", "duration"),
    "month": ("month", "duration"), "months": ("month", "duration"),
    "week": ("week", "duration"), "weeks": ("week", "duration"),
    "day": ("day", "duration"), "days": ("day", "duration"),
    "hour": ("hour", "duration"), "hours": ("hour", "duration"), "hrs": ("hour", "duration"),
    "minute": ("minute", "duration"), "minutes": ("minute", "duration"),
    "mins": ("minute", "duration"), "second": ("second", "duration"),
    "seconds": ("second", "duration"), "decade": ("decade", "duration"),
    "decades": ("decade", "duration"), "century": ("century", "duration"),
    "centuries": ("century", "duration"),
    # multipliers
    "times": ("times", "multiplier"), "fold": ("times", "multiplier"),
    "-fold": ("times", "multiplier"), "x": ("times", "multiplier"),
    # other physical units, kept with class "other"
    "liter": ("l", "other"), "liters": ("l", "other"),
    "litre": ("l", "other"), "litres": ("l", "other"),
    "cubic meters": ("m3", "other"), "cubic metres": ("m3", "other"), "m3": ("m3", "other"),
    "m³": ("m3", "other"), "barrel": ("bbl", "other"), "barrels": ("bbl", "other"),
    "bpd": ("bbl/day", "other"), "kwh": ("kWh", "other"), "mwh": ("MWh", "other"),
    "gwh": ("GWh", "other"), "twh": ("TWh", "other"), "kw": ("kW", "other"),
    "mw": ("MW", "other"), "gw": ("GW", "other"), "watts": ("W", "other"),
    "megawatts": ("MW", "other"), "gigawatts": ("GW", "other"), "kilowatts": ("kW", "other"),
    "teu": ("TEU", "other"), "teus": ("TEU", "other"),
    "gb": ("GB", "other"), "tb": ("TB", "other"), "mb": ("MB", "other"),
    "mbps": ("Mbps", "other"), "gbps": ("Gbps", "other"),
    "km/h": ("km/h", "other"), "mph": ("mph", "other"),
    "°c": ("degC", "other"), "degrees celsius": ("degC", "other"), "°f": ("degF", "other"),
    # the physical units of news
    "kph": ("km/h", "other"), "kmh": ("km/h", "other"), "km/hr": ("km/h", "other"),
    "kilometers per hour": ("km/h", "other"), "kilometres per hour": ("km/h", "other"),
    "kilometers an hour": ("km/h", "other"), "kilometres an hour": ("km/h", "other"),
    "miles per hour": ("mph", "other"), "miles an hour": ("mph", "other"),
    "mile per hour": ("mph", "other"), "knots": ("kn", "other"), "knot": ("kn", "other"),
    "horsepower": ("hp", "other"), "hp": ("hp", "other"), "bhp": ("hp", "other"),
    "gigabyte": ("GB", "other"), "gigabytes": ("GB", "other"), "megabyte": ("MB", "other"),
    "megabytes": ("MB", "other"), "terabyte": ("TB", "other"), "terabytes": ("TB", "other"),
    "kilobytes": ("kB", "other"), "petabytes": ("PB", "other"),
    "°": ("deg", "other"), "degrees": ("deg", "other"), "degree": ("deg", "other"),
    "degree celsius": ("degC", "other"), "degrees centigrade": ("degC", "other"),
    "degrees c": ("degC", "other"), "degrees fahrenheit": ("degF", "other"),
    "degree fahrenheit": ("degF", "other"), "degrees f": ("degF", "other"),
    "yard": ("yd", "length"), "yards": ("yd", "length"), "yd": ("yd", "length"),
    "nautical miles": ("nmi", "length"), "light-years": ("ly", "length"),
    "gallon": ("gal", "other"), "gallons": ("gal", "other"), "ml": ("ml", "other"),
    "milliliters": ("ml", "other"), "millilitres": ("ml", "other"),
    "cubic feet": ("ft3", "other"), "cubic foot": ("ft3", "other"),
    "barrels per day": ("bbl/day", "other"), "barrels a day": ("bbl/day", "other"),
    "b/d": ("bbl/day", "other"), "kilowatt": ("kW", "other"), "megawatt": ("MW", "other"),
    "gigawatt": ("GW", "other"), "watt": ("W", "other"), "kilowatt-hours": ("kWh", "other"),
    "kilowatt hours": ("kWh", "other"), "megawatt-hours": ("MWh", "other"),
    "terawatt-hours": ("TWh", "other"), "gigawatt-hours": ("GWh", "other"),
    "calories": ("kcal", "other"), "kcal": ("kcal", "other"),
    "celsius": ("degC", "other"), "centigrade": ("degC", "other"),
    "fahrenheit": ("degF", "other"), "°celsius": ("degC", "other"),
    "barrels/day": ("bbl/day", "other"),
    "rpm": ("rpm", "other"), "revolutions per minute": ("rpm", "other"),
    "mpg": ("mpg", "other"), "miles per gallon": ("mpg", "other"),
    "lb-ft": ("lb-ft", "other"), "pound-feet": ("lb-ft", "other"),
    "newton-metres": ("Nm", "other"), "newton metres": ("Nm", "other"),
    "megapixel": ("MP", "other"), "megapixels": ("MP", "other"),
    "mi": ("mi", "length"), "point": ("point", "other"),
    "mile-per-hour": ("mph", "other"), "miles-per-hour": ("mph", "other"),
    "kilometre-per-hour": ("km/h", "other"), "kilometer-per-hour": ("km/h", "other"),
    "gigabit": ("Gbit", "other"), "gigabits": ("Gbit", "other"), "megabit": ("Mbit", "other"),
    "megabits": ("Mbit", "other"), "terabit": ("Tbit", "other"), "points": ("point", "other"),
    "index points": ("point", "other"),
    "quintal": ("quintal", "mass"), "quintals": ("quintal", "mass"), "mh": ("ha", "area"),
    "carats": ("ct", "mass"), "troy ounces": ("oz", "mass"),
    "grammes": ("g", "mass"), "milligrams": ("mg", "mass"), "mg": ("mg", "mass"),
}

# Unit texts whose case tells them from another unit ("Nm" newton metres, "nm" nanometres).
EXACT_CASE_UNITS: dict[str, tuple[str, str]] = {
    "Nm": ("Nm", "other"), "MP": ("MP", "other"), "C": ("degC", "other"), "F": ("degF", "other"),
    "pc": ("percent", "percent"),  # British press: "fundraising rose 177pc"
}

# Units that carry a scale of their own ("0.6 mb/d" is 600,000 barrels a day).
SCALED_UNITS: dict[str, tuple[str, str, float]] = {
    "mb/d": ("bbl/day", "other", 1e6), "mbl/d": ("bbl/day", "other", 1e6),
    "mbd": ("bbl/day", "other", 1e6), "mmbd": ("bbl/day", "other", 1e6),
    "mbpd": ("bbl/day", "other", 1e6), "kb/d": ("bbl/day", "other", 1e3),
    "kbd": ("bbl/day", "other", 1e3), "kbpd": ("bbl/day", "other", 1e3),
}

# Indian press abbreviations that are scales as well as units ("112.02 mt" is million tonnes,
# "33.92 mh" million hectares); "mt" only below a thousand, above it is metric tonnes.
MILLION_UNITS = frozenset({"mt", "mh"})

# What a person calls each unit code: the canonical unit name in `Quantity.unit_name`.
# Money keeps its ISO code and counts their counted noun; codes not listed are their own name.
UNIT_NAMES: dict[str, str] = {
    "percent": "percent", "percentage_point": "percentage point", "basis_point": "basis point",
    "per_mille": "per mille", "m2": "square metre", "km2": "square kilometre", "ha": "hectare",
    "mu": "mu", "acre": "acre", "ft2": "square foot", "mi2": "square mile", "km": "kilometre",
    "m": "metre", "cm": "centimetre", "mm": "millimetre", "nm": "nanometre", "mi": "mile",
    "ft": "foot", "in": "inch", "yd": "yard", "nmi": "nautical mile", "ly": "light-year",
    "kg": "kilogram", "g": "gram", "mg": "milligram", "t": "tonne", "lb": "pound",
    "oz": "ounce", "jin": "jin", "ct": "carat", "year": "year", "month": "month",
    "week": "week", "day": "day", "hour": "hour", "minute": "minute", "second": "second",
    "decade": "decade", "century": "century", "times": "times", "fraction": "fraction",
    "l": "litre", "ml": "millilitre", "gal": "gallon", "m3": "cubic metre",
    "ft3": "cubic foot", "bbl": "barrel", "bbl/day": "barrel per day", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour", "W": "watt",
    "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "TEU": "twenty-foot equivalent unit",
    "kB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte", "PB": "petabyte",
    "Mbps": "megabit per second", "Gbps": "gigabit per second", "km/h": "kilometre per hour",
    "mph": "mile per hour", "kn": "knot", "hp": "horsepower", "deg": "degree",
    "degC": "degree Celsius", "degF": "degree Fahrenheit", "kcal": "kilocalorie",
    "quintal": "quintal", "Gbit": "gigabit", "Mbit": "megabit", "Tbit": "terabit", "rpm": "revolution per minute", "mpg": "mile per gallon", "lb-ft": "pound-foot",
    "Nm": "newton metre", "MP": "megapixel", "point": "point",
}

# Unit texts matched case-sensitively because their lower-case twins are ordinary words or
# other units ("MW" megawatt vs "mw", "GB" vs "gb" is fine but "T" is not a unit).
CASE_SENSITIVE_UNITS = frozenset({
    "g", "x", "mt", "mu", "ha", "nm", "MB", "GB", "TB", "MW", "kW", "GW", "hp", "bhp", "yd",
    "ml", "mg", "kB", "PB", "°", "kcal", "Nm", "MP", "mh",
})

# Rate bases: "per kilogram", "a day", "/kg", "per share". Maps the written word to a basis.
PER_BASES: dict[str, str] = {
    "day": "day", "days": "day", "week": "week", "month": "month", "year": "year",
    "annum": "year", "quarter": "quarter", "hour": "hour", "minute": "minute",
    "second": "second", "kilogram": "kilogram", "kilo": "kilogram", "kg": "kilogram",
    "gram": "gram", "g": "gram", "ton": "ton", "tonne": "ton", "t": "ton", "pound": "pound",
    "lb": "pound", "share": "share", "capita": "capita", "person": "person",
    "head": "person", "people": "person", "household": "household", "employee": "employee",
    "worker": "worker", "student": "student", "unit": "unit", "piece": "piece",
    "square meter": "m2", "square metre": "m2", "sq m": "m2", "㎡": "m2", "m2": "m2",
    "liter": "liter", "litre": "liter", "l": "liter", "barrel": "barrel", "kwh": "kWh",
    "night": "night", "trip": "trip", "visit": "visit", "user": "user", "customer": "customer",
    "copy": "copy", "ticket": "ticket", "seat": "seat", "mu": "mu", "hectare": "hectare",
    "acre": "acre", "kilometer": "km", "kilometre": "km", "km": "km", "mile": "mile",
    "dozen": "dozen", "ounce": "ounce", "oz": "ounce", "gallon": "gallon", "bushel": "bushel",
    "troy ounce": "ounce", "metric ton": "ton", "tonne of": "ton", "square foot": "ft2",
    "sq ft": "ft2", "room": "room", "passenger": "passenger", "vehicle": "vehicle",
    "car": "car", "bottle": "bottle", "pack": "pack", "gigabyte": "gigabyte", "gb": "gigabyte",
    "megawatt-hour": "MWh", "mwh": "MWh", "adult": "person", "child": "person",
}

# Adverbs after an amount that state its basis ("grows 5% annually").
PER_ADVERBS: dict[str, str] = {
    "daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
    "yearly": "year", "per annum": "year", "p.a.": "year", "a year": "year",
    "hourly": "hour", "quarterly": "quarter",
}

# Adjectives before the thing measured that give its basis ("average daily sales was ...",
# "its monthly turnover exceeds ..."). Looked for in the clause before the amount.
PER_ADJECTIVES: dict[str, str] = {
    "daily": "day", "per day": "day", "a day": "day", "weekly": "week", "monthly": "month",
    "per month": "month", "annual": "year", "annually": "year", "yearly": "year",
    "per year": "year", "a year": "year", "hourly": "hour", "quarterly": "quarter",
    "per capita": "capita",
}

# --- Cues in the words around a figure -----------------------------------------------------

# Qualifier phrases written just before the numeral, mapped to the qualifier they express.
# "an average of 12,000 a day" is not here: a mean is a stated statistic, not an approximation.
QUALIFIERS_BEFORE: dict[str, str] = {
    "more than": "over", "over": "over", "exceeding": "over", "exceeds": "over",
    "exceeded": "over", "exceed": "over", "above": "over", "in excess of": "over",
    "upwards of": "over", "upward of": "over", "at least": "over", "no less than": "over",
    "not less than": "over", "no fewer than": "over", "greater than": "over",
    "higher than": "over", "beyond": "over", "just over": "over", "well over": "over",
    "surpassing": "over", "topping": "over", "topped": "over", "north of": "over",
    "surpass": "over", "surpasses": "over", "surpassed": "over", ">": "over", "≥": "over",
    "neared": "about", "nears": "about", "nearing": "about", "approaching": "about",
    "approached": "about", "approaches": "about", "approach": "about", "something like": "about",
    "<": "under", "≤": "under", "a cap of": "under", "a minimum of": "over",
    "about": "about", "nearly": "about", "close to": "about", "some": "about",
    "approximately": "about", "approx.": "about", "approx": "about", "around": "about",
    "roughly": "about", "almost": "about", "an estimated": "about", "estimated": "about",
    "circa": "about", "ca.": "about", "c.": "about", "~": "about", "≈": "about",
    "or so": "about", "nearly about": "about", "more or less": "about",
    "less than": "under", "below": "under", "up to": "under", "under": "under",
    "fewer than": "under", "no more than": "under", "not more than": "under",
    "at most": "under", "a maximum of": "under", "just under": "under", "lower than": "under",
    "not exceeding": "under", "within": "under", "a max of": "under",
}

# Qualifiers written after the figure ("20-plus", "100+", "30-odd", "50 or so").
QUALIFIERS_AFTER: dict[str, str] = {
    "+": "over", "-plus": "over", " plus": "over", "-odd": "about", " odd": "about",
    " or so": "about", " or more": "over", " and above": "over", " or less": "under",
    " and below": "under", " at most": "under", " at least": "over", " or fewer": "under",
    " or higher": "over", " or above": "over", " or below": "under", " or lower": "under",
}

# Words in the clause before (or just after) a figure that mark it as not yet actual. Single
# words, because the clause is looked at as a bag of lower-case words.
STATUS_CUES: dict[str, str] = {
    "expected": "expected", "expects": "expected", "expect": "expected", "likely": "expected",
    "will": "expected", "would": "expected", "anticipated": "expected",
    "anticipates": "expected", "upcoming": "expected",
    "target": "target", "targets": "target", "targeted": "target", "targeting": "target",
    "aims": "target", "aim": "target", "aiming": "target", "aimed": "target", "goal": "target",
    "goals": "target", "plans": "target", "plan": "target", "planned": "target",
    "planning": "target", "strive": "target", "strives": "target", "seeks": "target",
    "intends": "target", "pledged": "target", "pledges": "target", "objective": "target",
    "intend": "target", "intended": "target", "seek": "target", "seeking": "target",
    "hope": "target", "hopes": "target", "hoped": "target", "hoping": "target",
    "vowed": "target", "vows": "target", "could": "expected", "might": "expected",
    "forecast": "forecast", "forecasts": "forecast", "forecasted": "forecast",
    "projected": "forecast", "projection": "forecast", "projections": "forecast",
    "predicted": "forecast", "predicts": "forecast", "prediction": "forecast",
    "outlook": "forecast", "guidance": "forecast",
}

# Modals that state a possibility, or with "not" an inability that may be past.
PAST_CAPABLE_MODALS = frozenset({"could", "might"})

# Verbs whose "up" makes a part of a whole, not a rise: "made up 38%", "taking up 50.6 percent".
COMPOSING_VERBS = frozenset({"make", "makes", "made", "making", "take", "takes", "took", "taken", "taking"})
# Words saying that the figure is a change, not a level.
CHANGE_CUES: dict[str, str] = {
    "increase": "increase", "increased": "increase", "increases": "increase",
    "increasing": "increase", "rise": "increase", "rose": "increase", "rises": "increase",
    "rising": "increase", "risen": "increase", "grew": "increase", "grow": "increase",
    "grows": "increase", "growing": "increase", "grown": "increase", "growth": "increase",
    "up": "increase", "gain": "increase", "gained": "increase", "gains": "increase",
    "jump": "increase", "jumped": "increase", "jumps": "increase", "surge": "increase",
    "surged": "increase", "climbed": "increase", "climb": "increase", "soared": "increase",
    "expanded": "increase", "expansion": "increase", "added": "increase", "higher": "increase",
    "boosted": "increase", "advanced": "increase", "rebounded": "increase",
    "decrease": "decrease", "decreased": "decrease", "decreases": "decrease",
    "decline": "decrease", "declined": "decrease", "declines": "decrease",
    "declining": "decrease", "fall": "decrease", "fell": "decrease", "falls": "decrease",
    "fallen": "decrease", "falling": "decrease", "drop": "decrease", "dropped": "decrease",
    "drops": "decrease", "down": "decrease", "lower": "decrease", "reduction": "decrease",
    "reduced": "decrease", "reduce": "decrease", "cut": "decrease", "cuts": "decrease",
    "slash": "decrease", "slashed": "decrease", "shrank": "decrease", "shrink": "decrease",
    "contracted": "decrease", "contraction": "decrease", "slid": "decrease",
    "slumped": "decrease", "plunged": "decrease", "tumbled": "decrease", "lost": "decrease",
    "dip": "decrease", "dipped": "decrease", "shed": "decrease", "slump": "decrease",
    "slumps": "decrease", "dived": "decrease", "dove": "decrease", "sank": "decrease",
    "sunk": "decrease", "plunging": "decrease", "plunge": "decrease", "plunges": "decrease",
    "plummeted": "decrease", "plummeting": "decrease", "tumbling": "decrease",
    "slumping": "decrease", "dropping": "decrease", "slipped": "decrease", "shrinking": "decrease",
    # a loss or a gap that grows smaller ("its net loss narrowed by 80 percent")
    "narrowed": "decrease", "narrowing": "decrease", "narrows": "decrease",
}

# Verbs that move a figure from one level to another ("raised from 3 to 5 percent"): with the
# change cues above, they make "from X to Y" two values rather than a range.
FROM_TO_CHANGE_VERBS = frozenset({
    "raised", "lifted", "lowered", "revised", "went", "moved", "changed", "widened", "narrowed",
    "trimmed", "hiked", "upped", "swung", "improved", "accelerated", "slowed", "eased", "edged",
    "ticked", "doubled", "tripled", "halved", "cutting", "raising", "lowering", "increasing",
    "reducing", "upgraded", "downgraded", "shifted", "plummeted", "plunging", "soaring",
})

# Words after "N times" that make it a multiple ("six times larger", "3 times the size").
MULTIPLIER_FOLLOWERS = frozenset({
    "as", "more", "larger", "bigger", "higher", "greater", "faster", "the", "that", "than",
    "over", "what", "its", "their", "his", "her", "compared", "smaller", "lower", "less",
    "fewer", "cheaper", "longer", "stronger", "richer", "above", "below", "slower", "heavier",
    "wider", "deeper", "costlier", "worse", "better", "this", "last", "normal", "average",
})

# Currency words several countries use, and the places that say which one is meant; without
# one, the word's entry in CURRENCY_WORDS stands.
_RUPEE_COUNTRIES = {
    "Pakistan": "PKR", "Karachi": "PKR", "Lahore": "PKR", "Islamabad": "PKR",
    "Sri Lanka": "LKR", "Colombo": "LKR", "Nepal": "NPR", "Kathmandu": "NPR",
    "Mauritius": "MUR",
}
_CROWN_COUNTRIES = {
    "Norw": "NOK", "Oslo": "NOK", "Swed": "SEK", "Stockholm": "SEK", "Czech": "CZK",
    "Prague": "CZK", "Danish": "DKK", "Denmark": "DKK", "Copenhagen": "DKK", "Iceland": "ISK",
}
CURRENCIES_BY_COUNTRY: dict[str, dict[str, str]] = {
    "rupee": _RUPEE_COUNTRIES, "rupees": _RUPEE_COUNTRIES, "crown": _CROWN_COUNTRIES,
    "crowns": _CROWN_COUNTRIES, "krone": _CROWN_COUNTRIES, "kroner": _CROWN_COUNTRIES,
    "kronor": _CROWN_COUNTRIES, "krona": _CROWN_COUNTRIES,
}

# Words of a game around a dash pair of small numbers ("won 3-1", "a 2-1 victory").
SCORE_WORDS = frozenset({
    "won", "win", "wins", "beat", "beats", "lost", "loss", "lose", "draw", "drew", "tied", "tie",
    "victory", "defeat", "defeated", "score", "scored", "scoreline", "ended", "lead", "led",
    "leads", "trail", "trailed", "trailing", "series", "match", "game", "final", "halftime",
    "half-time", "edged", "routed", "thrashed", "goals", "sets", "innings", "against",
})

# Verbs that end a counted noun phrase: "two dealers said", "one dealer said", "the two sides
# agreed". Past forms ending in "-ed" end it too once a plural has been read.
VERBS_AFTER_SUBJECT = frozenset({
    "said", "say", "says", "told", "tell", "tells", "ask", "asks", "asked", "expect", "want",
    "wants", "think", "thinks", "believe", "believes", "see", "saw", "sees", "make", "made",
    "take", "took", "got", "get", "show", "shows", "need", "know", "knew", "knows", "went",
    "go", "come", "came", "become", "became", "remain", "remains", "held", "won", "paid",
    "bought", "sold", "left", "feel", "felt", "found", "gave", "give", "met", "ran", "spent",
    "stood", "sent", "kept", "began", "wrote", "chose", "fell", "rose", "grew", "hit",
})

# Cues that are often nouns ("the plan had ...", "the goal of the fund"): they mark a figure
# as a target only right before it or when they introduce it ("plans to", "a target of").
WEAK_STATUS_CUES = frozenset({
    "plan", "plans", "goal", "goals", "target", "targets", "objective", "aim", "aims",
})
WEAK_STATUS_LINKS = frozenset({"to", "of", "for"})

# Finite verbs saying something has happened; one between a status cue and the figure means the
# figure is stated as actual ("it plans to hire more staff after sales rose 20%").
ACTUAL_VERBS = frozenset({
    "was", "were", "had", "has", "rose", "fell", "grew", "reached", "totalled", "totaled",
    "stood", "posted", "reported", "recorded", "saw", "attracted", "created", "helped", "built",
    "launched", "jumped", "surged", "increased", "decreased", "declined", "dropped", "climbed",
    "soared", "exceeded", "amounted", "numbered", "raised", "received", "earned", "spent",
    "invested", "lost", "gained", "generated", "completed", "achieved", "hit", "topped",
})

# Change nouns that introduce an amount with "of" ("an increase of 5 million") or follow a
# percentage ("a 10 percent reduction").
CHANGE_NOUNS = frozenset({
    "increase", "rise", "growth", "gain", "jump", "surge", "expansion", "decrease", "decline",
    "fall", "drop", "reduction", "cut", "contraction", "dip", "slump",
})

# Adjectives that name an event or document, not a rate ("annual report", "daily briefing").
NOT_RATE_AFTER_ADJECTIVE = frozenset({
    "report", "reports", "meeting", "meetings", "conference", "forum", "plan", "plans", "event",
    "events", "review", "festival", "summit", "session", "sessions", "briefing", "growth",
    "increase", "rate",
})

# Phrases naming what a change is measured against ("compared with 2016", "year-on-year").
CHANGE_BASIS_PHRASES = (
    "year-on-year", "year on year", "y-o-y", "yoy", "y/y", "month-on-month", "month on month",
    "quarter-on-quarter", "from a year earlier", "from a year ago", "over the previous year",
    "over the same period last year", "from the same period last year",
    "compared with the previous year", "compared with last year", "compared to last year",
    "than last year", "than a year earlier",
)

# --- Things that look like quantities but are not ------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}

# A numeral right after one of these is a label or an identifier, not an amount
# ("No.6", "Article 5", "Phase 2", "Tel: 5406 5138").
LABEL_WORDS = (
    "no", "no.", "nos.", "number", "#", "article", "articles", "chapter", "section", "part",
    "phase", "stage", "grade", "level", "class", "room", "vol", "vol.", "volume", "issue",
    "page", "pages", "p.", "pp.", "figure", "fig.", "fig", "table", "version", "v", "ver.",
    "line", "route", "tier", "step", "item", "rule", "paragraph", "para", "appendix",
    "annex", "box", "model", "type", "series", "generation", "edition", "session", "batch",
    "category", "categories", "flight", "highway", "interstate", "squad",
    "tel", "tel.", "tel:", "fax", "fax:", "phone", "mobile", "ext", "ext.", "zip", "code",
    "episode", "building", "floor", "gate", "terminal", "hall", "district", "block", "lane",
    "road", "street", "avenue", "channel", "exhibit", "schedule", "clause", "sec.", "art.",
)

# Words before a bare four-digit number that make it a year ("in 2017", "since 2014").
YEAR_CUES = (
    "in", "since", "by", "of", "from", "to", "until", "till", "before", "after", "during",
    "year", "early", "late", "mid", "end", "for", "through", "between", "and", "the", "fiscal",
    "fy", "circa", "spring", "summer", "autumn", "fall", "winter", "around", "throughout",
    "within", "as", "at", "on", "beginning", "start",
) + tuple(MONTHS)

# Nouns after a year-like number that make it a year ("compared with 2010 levels").
YEAR_NOUNS = frozenset({
    "level", "levels", "figure", "figures", "numbers", "results", "statistics", "data",
    "report", "reports", "budget", "budgets", "season", "census", "election", "elections",
    "edition", "model", "models", "estimates", "forecast", "forecasts", "rankings", "games",
    "olympics", "finals", "survey", "highs", "lows", "peak", "prices", "sales",
})

# Words that end a counted noun phrase ("5,739 makers' spaces according to ...").
COUNTED_STOP_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from",
    "by", "with", "within", "without", "into", "onto", "per", "as", "than", "that", "which",
    "who", "whom", "whose", "what", "when", "where", "while", "was", "were", "is", "are", "be",
    "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "this", "these", "those", "there", "their",
    "its", "his", "her", "our", "your", "my", "it", "they", "we", "he", "she", "i", "you",
    "according", "each", "every", "all", "both", "some", "any", "such", "other", "another",
    "more", "most", "less", "least", "over", "under", "about", "around", "across", "after",
    "before", "since", "until", "up", "down", "out", "off", "also", "only", "just", "still",
    "even", "so", "yet", "then", "thus", "very", "too", "not", "no", "including", "included",
    "include", "includes", "between", "among", "against", "during", "through", "via", "compared", "respectively", "ago",
})

# Words that start an object: after "and <word>s" they show the word was a verb ("300 firms and
# employs 8,500 staff"), so the counted phrase does not extend over it.
OBJECT_STARTS = frozenset({
    "a", "an", "the", "its", "their", "his", "her", "our", "more", "about", "over", "nearly",
    "some", "around", "up",
})

# Plural nouns that do not end in "s".
IRREGULAR_PLURALS = frozenset({
    "people", "children", "men", "women", "staff", "personnel", "police", "cattle", "sheep",
    "fish", "deer", "data", "media", "equipment", "aircraft", "livestock", "poultry", "feedback",
    "mice", "geese", "teeth", "feet", "alumni", "criteria", "phenomena", "faculty", "crew",
    "youth",
})
# fmt: on
