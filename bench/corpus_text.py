"""Dutch sentence pools for the synthetic benchmark corpus (bench/corpus.py).

Sentences carry placeholders that corpus.py fills per entry ({titel}, {doelgroep}, {thema},
{organisatie}, {plaats}, {jaar}, {aantal}, {procent}, {weken}, {uren}), so that no two bodies
are the same while they read like the descriptions in the databank.
"""

# ruff: noqa: E501 - one sentence per line reads better than wrapped string pieces
from __future__ import annotations

TITLE_CORES = (
    "Buurtmaatjes", "Thuis in de Wijk", "Samen Sterk", "Huiskamer", "Wijkcirkel",
    "Krachtgericht Werken", "Steunpunt", "Vriendschapsnetwerk", "Eigen Kracht", "Maatwerk",
    "Ontmoetingsplek", "Doorpakken", "Startblok", "Opvoedsteun", "Netwerkcoaching",
    "Schuldenwijzer", "Geldzorgen de Baas", "Mantelzorgcafé", "Respijtweekend", "Kansrijk",
    "Lotgenotengroep", "Taalcoaching", "Werkfit", "Sociaal Vitaal", "Buurtkracht",
    "Burenhulp", "Wijkmentor", "Herstelacademie", "Zelfregie", "Veerkracht", "Dichtbij",
    "Huisbezoek", "Voorliggend Veld", "Samen Koken", "Welzijnscoach", "Budgetmaatje",
    "Jongerenloket", "Opstap", "Nieuwe Start", "Ervaringskracht", "Ouder en Kind",
    "Vitaal Thuis", "Meedoen", "Wegwijs", "Buurtmentor", "Brugfunctie", "Maatschappelijk Steunsysteem",
    "Kwetsbaar Sterk", "Woonbegeleiding", "Thuisadministratie",
)
TITLE_QUALIFIERS = (
    "voor ouderen", "in de buurt", "op maat", "aan huis", "voor gezinnen", "plus",
    "voor jongvolwassenen", "in het dorp", "voor mantelzorgers", "na de opvang",
    "met ervaringsdeskundigen", "in groepen", "voor nieuwkomers", "op school", "in de wijk",
    "met vrijwilligers", "voor werkzoekenden", "online", "voor jonge mantelzorgers",
    "in de regio", "voor professionals", "bij schulden", "na ziekte", "in de stad",
    "voor alleenstaanden", "met buurtbewoners", "in de huisartsenpraktijk", "op het werk",
    "voor mensen met een beperking", "in de bibliotheek",
)
PLACES = (
    "Zwolle", "Deventer", "Tilburg", "Groningen", "Leeuwarden", "Arnhem", "Nijmegen", "Breda",
    "Utrecht", "Amersfoort", "Haarlem", "Leiden", "Delft", "Almere", "Enschede", "Maastricht",
    "Venlo", "Assen", "Emmen", "Helmond", "Zaanstad", "Dordrecht", "Apeldoorn", "Gouda",
    "Middelburg", "Den Bosch", "Alkmaar", "Hengelo", "Lelystad", "Roermond",
)
ORG_KINDS = ("Stichting", "Vereniging", "Coöperatie", "Netwerk", "Landelijk Steunpunt",
             "Welzijnsorganisatie", "Kenniscentrum")
ORG_NAMES = ("Samen Verder", "De Brug", "Buurtwerk", "Het Anker", "Kompas", "Welzijn Plus",
             "De Schakel", "Meedoen", "Dichtbij", "De Verbinding", "Kracht in de Wijk",
             "Zorg en Zin", "Open Huis", "De Wegwijzer", "Steun op Maat")
SURNAMES = ("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
            "Bos", "Vos", "Peters", "Hendriks", "El Amrani", "Yilmaz", "Dekker", "van Dijk",
            "Kramer", "Brouwer", "de Graaf", "Koster")
FIRST_NAMES = ("Anouk", "Bram", "Fatima", "Hamid", "Ingrid", "Joost", "Karin", "Lotte",
               "Mehmet", "Noor", "Pieter", "Sanne", "Tom", "Yvonne", "Zeynep", "Marieke")

POOLS: dict[str, tuple[str, ...]] = {
    "Doel": (
        "{titel} heeft als doel dat {doelgroep} meer grip krijgen op hun eigen situatie.",
        "Op langere termijn draagt de aanpak bij aan zelfredzaamheid en aan een sterker sociaal netwerk.",
        "De interventie wil voorkomen dat kleine problemen uitgroeien tot zware en dure zorg.",
        "Het hoofddoel is dat deelnemers weer volwaardig meedoen in de buurt, op school of op het werk.",
        "Daarnaast wil {titel} de samenwerking tussen professionals en vrijwilligers versterken.",
        "Een subdoel is dat deelnemers hun eigen kracht leren inzetten en weten waar ze hulp kunnen vragen.",
        "De aanpak richt zich op het thema {thema} en sluit aan bij het lokale beleid van gemeenten.",
        "Deelnemers ervaren na afloop minder stress en meer vertrouwen in de toekomst.",
        "De methode beoogt dat {doelgroep} zich minder alleen voelen met hun vragen.",
        "Gemeenten zetten de aanpak in om de toegang tot ondersteuning laagdrempeliger te maken.",
        "Het doel is nadrukkelijk niet om de hulpverlening over te nemen, maar om haar aan te vullen.",
        "Binnen een jaar heeft ten minste {procent} procent van de deelnemers een concreet persoonlijk doel bereikt.",
        "De aanpak wil ook de drempel naar formele hulp verlagen voor wie die hulp echt nodig heeft.",
        "Zo ontstaat een duurzaam netwerk rond de deelnemer dat ook na afloop blijft bestaan.",
    ),
    "Doelgroep": (
        "De interventie is bedoeld voor {doelgroep} die om welke reden ook tijdelijk vastlopen.",
        "Vaak gaat het om mensen met een klein netwerk, weinig inkomen of een slechte gezondheid.",
        "Niet geschikt zijn situaties met acute crisis, ernstige verslaving of huiselijk geweld; dan verwijst de coördinator door.",
        "De intermediaire doelgroep bestaat uit professionals en vrijwilligers die de methode uitvoeren.",
        "Verwijzers zijn onder meer huisartsen, wijkteams, scholen en woningcorporaties.",
        "Deelnemers melden zich ook zelf aan, bijvoorbeeld na een bijeenkomst in het buurthuis.",
        "In {plaats} bereikt de aanpak jaarlijks ongeveer {aantal} mensen.",
        "Een deel van de doelgroep heeft een migratieachtergrond of spreekt de Nederlandse taal nog niet goed.",
        "Bij de intake wordt samen bekeken of de aanpak past bij de vraag en de situatie.",
        "De methode houdt rekening met verschillen in leeftijd, taal, cultuur en digitale vaardigheden.",
        "Contra-indicaties zijn een ernstige psychiatrische aandoening zonder behandeling en het ontbreken van motivatie.",
        "Ook naasten van de deelnemer kunnen bij de ondersteuning worden betrokken.",
    ),
    "Aanpak": (
        "De aanpak bestaat uit een intake, een periode van ongeveer {weken} weken begeleiding en een afsluitend gesprek.",
        "Tijdens de intake brengt de begeleider samen met de deelnemer de vragen en wensen in kaart.",
        "Daarna volgen wekelijkse contactmomenten van ongeveer {uren} uur, thuis of op een neutrale plek.",
        "De begeleider werkt met een vast gespreksmodel dat in het handboek is beschreven.",
        "Vrijwilligers volgen vooraf een training van vier dagdelen en nemen deel aan intervisie.",
        "Een coördinator, meestal een professional, bewaakt de kwaliteit en is aanspreekpunt voor verwijzers.",
        "Waar nodig schakelt de begeleider andere hulp in, zoals schuldhulpverlening of het wijkteam.",
        "Het traject sluit af met een evaluatie, waarin deelnemer en begeleider terugkijken op de afspraken.",
        "Na afloop is er een nazorgcontact na drie maanden.",
        "De methode maakt gebruik van werkbladen, een gesprekswaaier en een korte vragenlijst voor de voor- en nameting.",
        "Bijeenkomsten in groepen worden afgewisseld met individuele gesprekken.",
        "De begeleider sluit aan bij wat de deelnemer zelf belangrijk vindt en stelt samen haalbare doelen.",
        "Ervaringsdeskundigen vertellen hun eigen verhaal en laten zien dat verandering mogelijk is.",
        "De aanpak is flexibel: het aantal gesprekken kan worden aangepast aan de vraag.",
    ),
    "Onderbouwing": (
        "Problemen van {doelgroep} hangen vaak met elkaar samen: geldzorgen, eenzaamheid en gezondheid versterken elkaar.",
        "Uit onderzoek blijkt dat een steunend sociaal netwerk beschermt tegen stress en terugval.",
        "De aanpak is gebaseerd op de theorie van zelfdeterminatie: mensen zijn gemotiveerd als ze autonomie, verbondenheid en competentie ervaren.",
        "Ook het presentiegerichte werken, waarin aandacht en aanwezigheid centraal staan, is een belangrijke bron.",
        "Vroeg ingrijpen is effectiever en goedkoper dan wachten tot problemen escaleren.",
        "De combinatie van praktische hulp en aandacht voor het netwerk sluit aan bij wat {doelgroep} zelf als belangrijk noemen.",
        "De methode is ontwikkeld in {jaar} in {plaats}, in samenwerking met deelnemers en uitvoerders.",
        "Het handboek beschrijft per onderdeel waarom het bijdraagt aan het doel.",
        "Werkzame factoren uit de literatuur, zoals een goede werkrelatie en aansluiten bij de leefwereld, zijn expliciet in de aanpak opgenomen.",
        "Doel, doelgroep en aanpak sluiten logisch op elkaar aan, zo oordeelde de commissie.",
        "Mensen houden zich eerder aan afspraken die ze zelf hebben gemaakt dan aan afspraken die hun worden opgelegd.",
        "De aanpak vermijdt stigmatisering door te werken vanuit ontmoeting en gelijkwaardigheid.",
    ),
    "Effectiviteit": (
        "Een evaluatie onder {aantal} deelnemers liet zien dat {procent} procent na afloop beter rondkwam of minder zorgen had.",
        "Bij een nameting na zes maanden bleek het effect grotendeels behouden.",
        "Een studie met een vergelijkingsgroep ontbreekt nog; de resultaten zijn daarom voorzichtig geïnterpreteerd.",
        "Deelnemers gaven het traject gemiddeld een 8 als rapportcijfer.",
        "In een procesevaluatie noemden uitvoerders de vaste contactpersoon als belangrijkste succesfactor.",
        "Het aantal verwijzingen naar zwaardere zorg daalde in de onderzochte wijken.",
        "De uitval tijdens het traject was ongeveer {procent} procent, vooral in de eerste weken.",
        "Kwalitatieve interviews bevestigen dat deelnemers zich gesterkt voelen en meer contacten hebben.",
        "Output en outcome worden apart gemeten, zodat het beeld niet te rooskleurig is.",
        "Een kosten-batenanalyse in {plaats} schatte dat elke geïnvesteerde euro ruim twee euro aan maatschappelijke baten oplevert.",
        "Vervolgonderzoek met een controlegroep is in voorbereiding.",
    ),
    "Ervaringen in de praktijk": (
        "{titel} wordt inmiddels door {aantal} organisaties uitgevoerd, vooral welzijnsorganisaties.",
        "Uitvoerders noemen de eenvoud van de aanpak als groot voordeel.",
        "Deelnemers waarderen dat ze zelf de regie houden en niet van loket naar loket worden gestuurd.",
        "Een aandachtspunt is het vinden en behouden van voldoende vrijwilligers.",
        "In kleinere gemeenten werkt de aanpak vaak samen met het dorpsnetwerk en de huisarts.",
        "Een deelnemer vertelt: \"Ik had niet verwacht dat een paar gesprekken zoveel verschil konden maken.\"",
        "Professionals ervaren dat ze eerder in beeld komen, voordat de problemen te groot zijn.",
        "Sinds {jaar} is de aanpak in {plaats} een vast onderdeel van het lokale sociale beleid.",
        "Organisaties investeren in intervisie en bijscholing om de kwaliteit vast te houden.",
        "De samenwerking met verwijzers vraagt blijvende aandacht, vooral bij personeelswisselingen.",
        "Gemeenten waarderen dat de resultaten eenvoudig te volgen zijn met de bijgeleverde registratie.",
    ),
    "Uitvoering": (
        "Per gemeente is een coördinator nodig van ongeveer 0,5 fte.",
        "Uitvoerders hebben minimaal een afgeronde mbo- of hbo-opleiding in het sociaal domein, of ruime ervaring als vrijwilliger.",
        "Randvoorwaarden zijn een vaste ruimte voor gesprekken, afspraken met verwijzers en steun van de gemeente.",
        "De licentiehouder biedt een train-de-trainer-programma aan.",
    ),
    "Kosten": (
        "De kosten liggen rond € {aantal} per traject, vooral voor coördinatie en training.",
        "Voor een gemeente van 50.000 inwoners gaat het om een jaarbudget van enkele tienduizenden euro's.",
        "De licentie en het handboek zijn voor aangesloten organisaties gratis beschikbaar.",
    ),
}

DOSSIER_POOLS: dict[str, tuple[str, ...]] = {
    "Samenvatting": (
        "Dit dossier brengt samen wat bekend is over {thema} en over de aanpakken die werken.",
        "Er bestaat geen enkele interventie die het probleem voor iedereen oplost.",
        "Wat werkt, hangt af van de oorzaak, de situatie en de persoon.",
        "Uit onderzoek en praktijk komen wel werkzame elementen naar voren die in veel aanpakken terugkeren.",
        "Het dossier sluit af met kennis uit ervaring van mensen die het zelf hebben meegemaakt.",
    ),
    "Feiten en cijfers": (
        "Naar schatting heeft {procent} procent van de volwassenen hier in enige mate mee te maken.",
        "Risicofactoren zijn onder meer een laag inkomen, een slechte gezondheid en een klein netwerk.",
        "De gevolgen zijn groot: voor de persoon zelf, voor de naaste omgeving en voor de samenleving.",
        "Gemeenten hebben sinds de decentralisaties een centrale rol in preventie en ondersteuning.",
        "Cijfers verschillen per regio; in stedelijke gebieden ligt het aandeel hoger.",
        "De Wet maatschappelijke ondersteuning vormt het wettelijk kader voor de lokale aanpak.",
    ),
    "Wat werkt": (
        "Maatwerk: de aanpak sluit aan bij de vraag en de leefwereld van de persoon.",
        "Een goede toeleiding is essentieel; veel mensen zoeken zelf geen hulp.",
        "Een vaste contactpersoon die vertrouwen opbouwt, vergroot de kans op succes.",
        "Combineer praktische ondersteuning met aandacht voor het sociale netwerk.",
        "Betrek ervaringsdeskundigen bij het ontwerp en de uitvoering van de aanpak.",
        "Werk samen tussen formele en informele zorg, en maak afspraken over doorverwijzing.",
    ),
    "Ervaringskennis": (
        "Mensen met ervaringskennis benadrukken het belang van erkenning en gelijkwaardigheid.",
        "Een ervaringsdeskundige zegt: \"Het hielp dat iemand gewoon naast me kwam zitten.\"",
        "Schaamte is vaak de grootste drempel om hulp te vragen.",
        "Kleine gebaren, zoals een kop koffie of een groet op straat, worden als waardevol ervaren.",
    ),
}

INDICATORS: dict[str, tuple[str, ...]] = {
    "outcomes": (
        "Meer zelfredzaamheid bij deelnemers", "Een groter sociaal netwerk", "Minder geldzorgen",
        "Minder gevoelens van eenzaamheid", "Minder overbelasting bij mantelzorgers",
        "Stabiele woonsituatie na een jaar", "Minder escalatie van problemen",
        "Betere kwaliteit van leven", "Meer deelname aan activiteiten in de buurt",
        "Duurzaam betaald of vrijwillig werk", "Minder beroep op specialistische zorg",
    ),
    "outputs": (
        "Aantal aanmeldingen", "Aantal afgeronde trajecten", "Aantal actieve vrijwilligers",
        "Aantal getrainde uitvoerders", "Percentage deelnemers dat het traject afrondt",
        "Aantal huisbezoeken", "Aantal groepsbijeenkomsten", "Aantal doorverwijzingen",
    ),
    "working_elements": (
        "Een vaste contactpersoon", "Aansluiten bij de eigen doelen van de deelnemer",
        "Gelijkwaardigheid tussen deelnemer en begeleider", "Outreachend werken",
        "Inzet van ervaringsdeskundigheid", "Samenwerking met verwijzers",
        "Praktische hulp gecombineerd met aandacht voor het netwerk", "Vroegtijdige inzet",
        "Werken in kleine groepen", "Duidelijke afspraken over de duur",
    ),
}
