"""The shared table of cases for the one Dutch word matcher (vakwoorden.taal.matcher).

Used by its three users' tests: the list check (does the example sentence use the word?), the
cards (which words are highlighted or hidden) and the term finder. Each case: a sentence, a
headword with its plural and part of speech, and the words of the sentence that are the headword
(empty: the sentence does not use it; the near-misses).
"""

from __future__ import annotations

from typing import NamedTuple


class Geval(NamedTuple):
    zin: str
    woord: str
    meervoud: str
    woordsoort: str
    verwacht: tuple[str, ...]  # the marked words, in order; () = no match
    soort: str  # what the case is about


ZN = "zelfstandig naamwoord"
WW = "werkwoord"
BN = "bijvoeglijk naamwoord"
UD = "uitdrukking"

GEVALLEN: tuple[Geval, ...] = (
    # plain and capitals
    Geval("Zet je laskap op.", "laskap", "laskappen", ZN, ("laskap",), "grondvorm"),
    Geval("Laskap op, dan pas lassen.", "laskap", "laskappen", ZN, ("Laskap",), "hoofdletter"),
    Geval("DRAAG ALTIJD EEN LASKAP.", "laskap", "laskappen", ZN, ("LASKAP",), "hoofdletter"),
    Geval("Bel de Eerste Hulp nu.", "eerste hulp", "", UD, ("Eerste Hulp",), "woordgroep"),
    # plurals
    Geval("De laskappen liggen in de kast.", "laskap", "laskappen", ZN, ("laskappen",), "meervoud"),
    Geval("Draai de moeren vast.", "moer", "moeren", ZN, ("moeren",), "meervoud"),
    Geval("Leg de platen plat neer.", "plaat", "platen", ZN, ("platen",), "meervoud"),
    Geval("Controleer de accu's elke week.", "accu", "accu's", ZN, ("accu's",), "meervoud"),
    Geval("Alle tilliften staan in de gang.", "tillift", "tilliften", ZN, ("tilliften",), "meervoud"),
    Geval("Zet de steigers goed vast.", "steiger", "steigers", ZN, ("steigers",), "meervoud"),
    Geval(
        "Gebruik twee haakse slijpers.",
        "haakse slijper",
        "haakse slijpers",
        UD,
        ("haakse slijpers",),
        "woordgroep",
    ),
    # diminutives
    Geval("Doe de schroefjes in het bakje.", "schroef", "schroeven", ZN, ("schroefjes",), "verkleinwoord"),
    Geval("Er zit een klein plaatje onder.", "plaat", "platen", ZN, ("plaatje",), "verkleinwoord"),
    Geval("Leg een kussentje onder de hiel.", "kussen", "kussens", ZN, ("kussentje",), "verkleinwoord"),
    Geval("Plak een pleistertje op de wond.", "pleister", "pleisters", ZN, ("pleistertje",), "verkleinwoord"),
    Geval("Geef mevrouw een slabbetje om.", "slab", "slabben", ZN, ("slabbetje",), "verkleinwoord"),
    Geval("De kraantjes lekken.", "kraan", "kranen", ZN, ("kraantjes",), "verkleinwoord"),
    # compounds whose head is a listed word
    Geval("Pak de veiligheidsbril.", "bril", "brillen", ZN, ("veiligheidsbril",), "samenstelling"),
    Geval(
        "Trek je werkhandschoenen aan.",
        "handschoen",
        "handschoenen",
        ZN,
        ("werkhandschoenen",),
        "samenstelling",
    ),
    Geval(
        "Zet de lasrookafzuiging aan.", "afzuiging", "afzuigingen", ZN, ("lasrookafzuiging",), "samenstelling"
    ),
    Geval("Leg de nieuwe staalplaten op de bok.", "plaat", "platen", ZN, ("staalplaten",), "samenstelling"),
    Geval("De CO2-melder piept.", "melder", "melders", ZN, ("CO2-melder",), "samenstelling"),
    Geval("Zet de handrem op de rolstoel.", "rem", "remmen", ZN, ("handrem",), "samenstelling"),
    # verbs: inflections
    Geval("Wij lassen vandaag.", "lassen", "", WW, ("lassen",), "werkwoord"),
    Geval("Hij last de buis.", "lassen", "", WW, ("last",), "werkwoord"),
    Geval("De buis is gelast.", "lassen", "", WW, ("gelast",), "werkwoord"),
    Geval("Hij schaaft de plank.", "schaven", "", WW, ("schaaft",), "werkwoord"),
    Geval("Hij maakte een fout.", "maken", "", WW, ("maakte",), "werkwoord"),
    Geval("Ik heb een gat geboord.", "boren", "", WW, ("geboord",), "werkwoord"),
    Geval("Hij boorde twee gaten.", "boren", "", WW, ("boorde",), "werkwoord"),
    Geval("Wie tilt de patiënt?", "tillen", "", WW, ("tilt",), "werkwoord"),
    Geval("We hebben de lengte gemeten.", "meten", "", WW, ("gemeten",), "werkwoord"),
    Geval("De kraan hees de balk omhoog.", "hijsen", "", WW, ("hees",), "werkwoord"),
    Geval("Ze metselde de muur in één dag.", "metselen", "", WW, ("metselde",), "werkwoord"),
    Geval("Boor het gat met een scherpe boor.", "boren", "", WW, ("Boor",), "werkwoord"),
    Geval("Zet de afzuiging aan.", "zetten", "", WW, (), "bijna"),
    Geval("Kies voor hard materiaal een laag toerental.", "harden", "", WW, (), "bijna"),
    Geval("Zet de plaat in de kantbank.", "zetten", "", WW, ("Zet",), "werkwoord"),
    Geval("Hij soldeert de draad.", "solderen", "", WW, ("soldeert",), "werkwoord"),
    Geval("Was je handen.", "zich wassen", "", WW, ("Was",), "werkwoord"),
    # separable verbs, split and joined
    Geval("Draai de moer goed aan.", "aandraaien", "", WW, ("Draai", "aan"), "scheidbaar"),
    Geval("Ik heb de moer aangedraaid.", "aandraaien", "", WW, ("aangedraaid",), "scheidbaar"),
    Geval("Vergeet niet de moer aan te draaien.", "aandraaien", "", WW, ("aan", "draaien"), "scheidbaar"),
    Geval("Als je de moer aandraait, let op.", "aandraaien", "", WW, ("aandraait",), "scheidbaar"),
    Geval("Ze kleedt meneer Janssen rustig uit.", "uitkleden", "", WW, ("kleedt", "uit"), "scheidbaar"),
    Geval("Hij stond langzaam op.", "opstaan", "", WW, ("stond", "op"), "scheidbaar"),
    Geval("Zij nam de medicijnen netjes in.", "innemen", "", WW, ("nam", "in"), "scheidbaar"),
    Geval(
        "Zet de machine stil voor je hem schoonmaakt.", "stilzetten", "", WW, ("Zet", "stil"), "scheidbaar"
    ),
    Geval("Zet de kast in elkaar.", "in elkaar zetten", "", WW, ("Zet", "in elkaar"), "woordgroep"),
    Geval(
        "Ga door de knieën bij het tillen.",
        "door de knieën gaan",
        "",
        UD,
        ("Ga door de knieën",),
        "woordgroep",
    ),
    # adjectives
    Geval("Dat is een grote machine.", "groot", "", BN, ("grote",), "bijvoeglijk"),
    Geval("Een snelle machine.", "snel", "", BN, ("snelle",), "bijvoeglijk"),
    Geval("De vloer is gladder dan gisteren.", "glad", "", BN, ("gladder",), "bijvoeglijk"),
    # near-misses: must not match
    Geval("Pas op voor het felle licht.", "laskap", "laskappen", ZN, (), "bijna"),
    Geval("Draai de moer goed vast.", "aandraaien", "", WW, (), "bijna"),
    Geval("Hij zaagt de buis af.", "lassen", "", WW, (), "bijna"),
    Geval("Zet het asbest weg.", "as", "assen", ZN, (), "bijna"),
    Geval("Hij heeft last van zijn rug.", "lassen", "", WW, (), "bijna"),
    Geval("Mijn grootvader werkte hier.", "ader", "aderen", ZN, (), "bijna"),
    Geval("Leg een schoon servet neer.", "vet", "-", ZN, (), "bijna"),
    Geval("Hij is in 1980 geboren.", "boren", "", WW, (), "bijna"),
    Geval("Hang de jas aan de kapstok.", "aanhangen", "", WW, (), "bijna"),
    Geval("Ik kom morgen terug.", "rug", "ruggen", ZN, (), "bijna"),
    Geval("Met de meter meet je.", "meten", "", WW, ("meet",), "werkwoord"),
    Geval("Ik werk met een collega.", "meten", "", WW, (), "bijna"),
    Geval("De draaibank staat stil.", "draaien", "", WW, (), "bijna"),
    Geval("Enkele collega's helpen mee.", "enkel", "enkels", ZN, (), "bijna"),
    Geval("Zet de kap op je hoofd.", "opzetten", "", WW, (), "bijna"),
)
