import json, os
G = []
def add(f, date, host, muni, muni_opt, speakers, themes, themes_opt, notes):
    G.append({"file": f, "date": date, "host": host, "municipalities": muni,
              "municipalities_optional": muni_opt,
              "speakers": list(speakers.keys()), "speaker_forms": speakers,
              "themes": themes, "themes_optional": themes_opt, "notes": notes})

add("y01.md", "2011-03-17", "Hoorn",
    ["Hoorn","Veenendaal","Purmerend","Den Helder","Alkmaar","Heerhugowaard","Deventer","Zeist","Gorinchem","Oss"], [],
    {"Pieter Zandvliet":["Pieter Zandvliet","Zandvliet"],
     "Wim Roelofsen":["Wim Roelofsen"],
     "Liesbeth Bosch":["dr. Liesbeth Bosch","Bosch"],
     "Ruud van Gorcum":["Ruud van Gorcum","Van Gorcum"],
     "Karin Mulder":["Karin Mulder"]},
    ["binnenstad"], ["economie-arbeidsmarkt"],
    "Newspaper, published 18-03-2011; event is 'gisteren' (17-03-2011). Next meeting 30 September in Deventer is not the event date. Surnames that are place/look-alike names: Van Gorcum (Gorinchem), Bosch; two different people called Bosch: dr. Liesbeth Bosch (speaker) and wethouder Frits Bosch (absent, NOT a speaker). Chair Roelofsen is mayor of Veenendaal -> Veenendaal counts. Journalist Sandra Kooiman is not a speaker. Theme 'lege etalage/leegstand' = binnenstad without the word. Nicis Institute, Hoofdbedrijfschap Detailhandel are organisations. Heerhugowaard correct name in 2011 (merged into Dijk en Waard only in 2022). Amsterdam/Utrecht only mentioned.")

add("y02.md", "2008-10-09", "Emmen",
    ["Emmen","Assen","Hoogeveen","Delfzijl","Den Helder","Heerlen","Kerkrade","Vlissingen","Terneuzen","Goes"], [],
    {"Roelof Wijnholds":["Roelof Wijnholds"],
     "Hilde Kuipers":["Hilde Kuipers","prof. Kuipers"],
     "Ton Lemmens":["Ton Lemmens","Lemmens"],
     "Sietske Ede":["Sietske Ede"],
     "Gerrit Dekker":["Gerrit Dekker","Gerrit"]},
    ["demografie","wonen-leefomgeving"], ["onderwijs-cultuur","regionale-samenwerking"],
    "E-mail; only the Date: header (Fri 10 Oct 2008) plus 'gisteren' gives the event date 9 Oct 2008. Venue: a hall at the zoo. Speaker surname 'Ede' (Sietske Ede of Domesta) is not the municipality Ede. Gedeputeerde of Drenthe cancelled (not a speaker). Writer Marjolein Verhulst and Bert Kodde (Goes) are participants, not speakers; the writer's own municipality Goes counts. Next meeting 12 March 2009 in Gorinchem: Gorinchem is NOT a participant. 'krimp', 'minder mensen' = demografie. 's-Heer Arendskerke is a village in Goes; Zeeuws-Vlaanderen, Parkstad Limburg, Bevelanden are regions. Delfzijl correct name in 2008 (Eemsdelta since 2021).")

add("y03.md", "2019-11-08", "Waadhoeke",
    ["Waadhoeke","Leeuwarden","Súdwest-Fryslân","Heerenveen","Smallingerland","De Fryske Marren","Noardeast-Fryslân","Emmen","Assen","Kampen","Deventer","Helmond"], [],
    {"Marten Wiersma":["Marten Wiersma"],
     "Hendrik-Jan Smeenk":["Hendrik-Jan Smeenk","Smeenk"],
     "Anke de Boer":["Anke de Boer"],
     "Pieter Veenstra":["ing. P. Veenstra","Pieter Veenstra"],
     "Durk Hoogland":["Durk Hoogland"],
     "Jelmer Postma":["Jelmer Postma","Postma"]},
    ["duurzaamheid-energie","regionale-samenwerking"], ["bestuur-financien"],
    "Annual-report chapter written in March 2020 (front-matter datum 2020-03-27 is the publication date); event Friday 8 November 2019. Host named only by the town Franeker; the municipality Waadhoeke is never named (formed 1-1-2018 from Franekeradeel, het Bildt, Menameradiel and part of Littenseradiel - those old names are NOT participants). Eise Eisinga is historical, Sjoukje Terpstra only thanked: not speakers. Smeenk spoke and led a session. Planned spring meeting 3 April 2020 in Weert (cancelled): Weert is not a participant. Ing. P. Veenstra = Pieter Veenstra (initials + full name). 'van het gas af', RES = energy and regional cooperation. Organisations: RES Fryslân, Liander, Ús Koöperaasje, het Rijk.")

add("y04.md", "2015-05-29", "Alphen aan den Rijn",
    ["Alphen aan den Rijn","Gorinchem","Gouda","Katwijk","Nieuwegein","Lansingerland","Emmen","Heerlen"], [],
    {"Tineke Rozendaal":["Tineke Rozendaal"],
     "Ahmed Bouzidi":["Ahmed Bouzidi"],
     "Joost Nijenhuis":["Joost Nijenhuis"],
     "Eva Hoorn":["Eva Hoorn"]},
    ["wonen-leefomgeving","sociaal-domein"], ["bestuur-financien"],
    "Speech as delivered with [applaus]/[gelach] notes plus an editor's intro (newsletter June 2015). Venue: former town hall / old raadszaal of Boskoop; Boskoop and Rijnwoude merged into Alphen aan den Rijn on 1-1-2014, so the host is Alphen aan den Rijn (Boskoop, Rijnwoude are NOT municipalities on the event date). Speakers Bouzidi, Nijenhuis, Eva Hoorn are only named in the editor's intro; Eva Hoorn's surname = municipality Hoorn (Hoorn did NOT take part). Chair Hendrik-Jan Smeenk is only thanked; the wethouder of Gouda is absent (Gouda colleagues did attend). Oss announced as next year's host: not a participant. 'statushouders huisvesten' = wonen; 'jeugdzorg, zorg, aan het werk helpen' (decentralisaties) = sociaal-domein. COA, Platform31, het Rijk are organisations.")

add("y05.md", "2022-09-22", "Helmond",
    ["Helmond","Oss","Meierijstad","Maashorst","Roosendaal","Bergen op Zoom","Etten-Leur","Weert","Venlo","Deventer","Veenendaal"], [],
    {"Frans Leenders":["Frans Leenders"],
     "Jasper Maas":["prof. dr. J. Maas","Jasper Maas"],
     "Ingrid Wolters":["Ingrid Wolters"],
     "Rianne van Oss":["drs. R.C. van Oss","Rianne van Oss"],
     "Marco Sanders":["M. Sanders","Marco Sanders"],
     "Lotte Verbeek":["L. Verbeek","Lotte Verbeek"],
     "Bas Hendriks":["B. Hendriks","Bas Hendriks"],
     "Noor el Amrani":["N. el Amrani","Noor el Amrani"],
     "Wendy Claassen":["W. Claassen","Wendy Claassen"]},
    ["digitalisering"], ["veiligheid","mobiliteit","sociaal-domein"],
    "Evaluation summary with score tables; front-matter date 2022-10-14 is the publication date, survey deadline 7 Oct 2022, next meeting 14 April 2023 in Vlissingen (not a participant). Workshop leaders appear with initials in the table and full names in the remarks. Speaker surname 'Van Oss' (works for Helmond) vs municipality Oss (Oss does take part via Lotte Verbeek). Maashorst and Meierijstad are correct post-merger names (2022 / 2017). Eindhoven/Brainport only mentioned as a region. Hendriks and El Amrani are both thanked AND workshop leaders -> speakers. Ondermijning/drugsafval = veiligheid (one of four workshops, optional). Organisations: RIEC Oost-Brabant, Brainport Development, Bibliotheek Helmond-Peel, TU Eindhoven.")

add("y06.md", "2013-06-12", "Venlo",
    ["Venlo","Roermond","Venray","Horst aan de Maas","Peel en Maas","Weert"], ["Nettetal","Viersen","Straelen"],
    {"Hub Coenen":["Hub Coenen","Coenen"],
     "Klaus Wegener":["Dr. Klaus Wegener","Dr. Wegener"],
     "Sabine Kött":["Sabine Kött","Frau Kött"],
     "Ruud Peeters":["Ruud Peeters","Peeters"],
     "Marlies Tummers":["Marlies Tummers","Frau Tummers"],
     "Jeanne Geurts":["Jeanne Geurts","Frau Geurts"]},
    ["economie-arbeidsmarkt","mobiliteit","regionale-samenwerking"], ["binnenstad"],
    "Bilingual Dutch/German. Venue Kasteel Arcen: Arcen en Velden merged into Venlo on 1-1-2010, the Dutch text only says 'onderdeel van de gastgemeente' (Venlo appears via 'Burgemeester Hub Coenen van Venlo'); German text names 'Stadt Venlo'. German date format '12. Juni 2013'. German titles (Bürgermeister, Dr., Frau, Herr, Erster Beigeordneter). German municipalities (Nettetal, Viersen, Straelen) have no CBS name -> optional; Kreis Viersen/Kreis Kleve/Kreis are districts. Euregio chairman absent (letter only). Follow-up spring 2014 in Viersen. Eindhoven, Düsseldorf only on a railway line. 'Grenzpendler/grensarbeid' = labour market.")

add("y07.md", "2020-06-11", "Deventer",
    ["Deventer","Zutphen","Kampen","Hardenberg"], [],
    {"Annemiek Gorter":["Annemiek Gorter"],
     "Koen Brouwers":["Koen Brouwers"],
     "Ingrid Wolters":["Ingrid Wolters"]},
    ["economie-arbeidsmarkt","bestuur-financien"], ["binnenstad"],
    "Very short website item (129 words). Published 12-06-2020; event 'gisteren' = 11 June 2020. Fully online meeting organised by Deventer (host = Deventer although nobody was in the Burgerzaal). VNG and het Rijk are organisations. 'horeca en detailhandel geraakt', 'steunmaatregelen' = economy; 'gevolgen voor de gemeentebegroting', compensation by the Rijk = bestuur-financien.")

add("y08.md", "2014-10-03", "Kampen",
    ["Kampen","Zwolle","Deventer","Zutphen","Harderwijk","Hardenberg","Doetinchem","Gouda","Leeuwarden"], [],
    {"Gerard Meulenbelt":["Gerard Meulenbelt"],
     "Anton Blom":["Mr. A.J. Blom","Anton Blom"],
     "Hendrik-Jan Smeenk":["Hendrik-Jan Smeenk"],
     "Marieke van Kampen":["Marieke van Kampen","Van Kampen"],
     "Harm Lubbers":["Harm Lubbers"],
     "Dineke Scholten":["Dineke Scholten"]},
    ["onderwijs-cultuur"], ["bestuur-financien","binnenstad"],
    "Newspaper (De Stentor), published Saturday 4 Oct 2014; event 'gisteren' = Friday 3 Oct 2014. Speaker Marieke van Kampen (Bibliotheek Deventer, not the municipality) has the host's name as surname; 'Van Kampen' as second mention. Mr. A.J. Blom = Anton Blom (Boekmanstichting). Staatssecretaris excused: not a speaker. Journalist Erik Wiggers not a speaker. Theme 'cultuur, erfgoed, bibliotheken, muziekscholen' = onderwijs-cultuur; bezuinigingen and the historic centre are secondary.")

add("y09.md", "2021-10-01", "Vijfheerenlanden",
    ["Vijfheerenlanden","Heerlen","Gorinchem","Tiel","Culemborg","West Betuwe","Molenlanden","Nieuwegein","Emmen","Súdwest-Fryslân","Venlo","Roosendaal"], [],
    {"Gert-Jan Bosman":["Gert-Jan Bosman","Bosman"],
     "Arjen Wesselink":["Arjen Wesselink","Wesselink"],
     "Lianne Schouten":["Lianne Schouten"],
     "Monique Hartman":["Monique Hartman","Monique","Hartman"],
     "Jeroen van Veenendaal":["Jeroen van Veenendaal"]},
    ["veiligheid","wonen-leefomgeving"], ["economie-arbeidsmarkt"],
    "E-mail dated Mon 4 Oct 2021; event 'afgelopen vrijdag' = 1 Oct 2021. Hybrid meeting (some participants online). Host given only as Leerdam / Nationaal Glasmuseum / 'de gastgemeente'; Leerdam, Vianen and Zederik merged into Vijfheerenlanden on 1-1-2019 (old names are not municipalities). Speaker Jeroen van Veenendaal works for Nieuwegein; Veenendaal did NOT take part. Writer Ramon Vliegen and colleague Chantal are attendees, not speakers; Heerlen counts as participant. 'ondermijning', 'drugs', 'Bibob' = veiligheid; 'arbeidsmigranten met z'n tienen in een rijtjeshuis' = wonen. Team meeting 14 October is not an event date. RIEC Midden-Nederland, politie, Belastingdienst, OM are organisations.")

add("y10.md", "2025-04-11", "Smallingerland",
    ["Smallingerland","Súdwest-Fryslân","Heerenveen","Leeuwarden","Tytsjerksteradiel","Opsterland","Achtkarspelen","Emmen","Assen","Hoogeveen","Meppel"], [],
    {"Hanneke Bouma":["Hanneke Bouma","Bouma"],
     "Ingrid Wolters":["Ingrid Wolters"],
     "Douwe Sikkema":["Douwe Sikkema"],
     "Sytse Hiemstra":["Sytse Hiemstra"],
     "Aukje Wijnja":["Aukje Wijnja","Wijnja"]},
    ["demografie","wonen-leefomgeving","sociaal-domein"], [],
    "Bilingual Dutch/Frisian; front matter has the publication date (2025-04-17), event Friday 11 April 2025. Host named as 'Drachten' in Dutch and 'Smellingerlân' in Frisian; official CBS name Smallingerland is never written. Frisian names: It Hearrenfean = Heerenveen, Ljouwert = Leeuwarden, Opsterlân = Opsterland. Anonymous ervaringsdeskundige is not a named speaker. Next meeting 10 October 2025 in Assen (Assen also took part). 'vergrijzing/75-plussers' = demografie; knarrenhofjes = wonen; mantelzorg/eenzaamheid = sociaal-domein. Planbureau Fryslân, Elkien, Philips are organisations.")

add("y11.md", "2018-06-14", "Ede",
    ["Ede","Veenendaal","Barneveld","Wageningen","Deventer","Zeist","Nieuwegein","Harderwijk","Doetinchem","Helmond","Oss","Hoorn","Purmerend","Emmen","Kampen","Alphen aan den Rijn","Gorinchem","Schiedam"], [],
    {"Ronald Verhage":["Ronald Verhage","Verhage"],
     "Hendrik-Jan Smeenk":["Hendrik-Jan Smeenk","Smeenk"],
     "Marleen Ravestein":["prof. dr. Marleen Ravestein","Ravestein"],
     "Femke Dijkhuis":["Femke Dijkhuis","Dijkhuis"],
     "Jan-Pieter Zondag":["Jan-Pieter Zondag","Zondag"],
     "Thomas van Helmond":["Thomas van Helmond","Van Helmond"],
     "Saskia Brink":["Saskia Brink","Brink"],
     "Wouter Hak":["ir. W. Hak","Wouter Hak"],
     "Mustafa Yilmaz":["Mustafa Yilmaz"],
     "Els Kortekaas":["drs. E.M. Kortekaas","Els Kortekaas"],
     "Ilse Teunissen":["Ilse Teunissen","Teunissen"],
     "Harm Veldhuis":["Harm Veldhuis","Veldhuis"],
     "Esther Pijl":["Esther Pijl","Pijl"]},
    ["sociaal-domein","wonen-leefomgeving"], ["duurzaamheid-energie","regionale-samenwerking"],
    "Very long report (~1,800 words), two-day event 14-15 June 2018 (date = first day); front-matter date 2018-07-02 is publication. Eight workshops. Speaker Thomas van Helmond works for Veenendaal (Helmond also took part, separately). Wethouder Ruud Ketelaar was replaced by ir. W. Hak = Wouter Hak (Ketelaar NOT a speaker); the Gelderland gedeputeerde cancelled (text read by Smeenk); Karel Veenhof (Movisie) is announced for the next meeting (9 Nov 2018, Emmen) - NOT a speaker; an unnamed guide. Registration deadline 19 October. Rotterdam/Amsterdam only mentioned. 'Gezondheid, schulden, preventie' = sociaal-domein; 'voedselomgeving, beweegvriendelijke openbare ruimte, gezond wonen' = wonen-leefomgeving. Organisations: WUR, Platform31, RIVM, GGD Gelderland-Midden, Woonstede, Regio Foodvalley, Movisie, VNG.")

add("y12.md", "2009-11-20", "Heerlen",
    ["Heerlen","Kerkrade","Landgraaf","Brunssum","Onderbanken","Nuth","Simpelveld","Voerendaal","Sittard-Geleen","Emmen","Delfzijl","Den Helder","Vlissingen","Terneuzen"], [],
    {"Wim Roelofsen":["Wim Roelofsen"],
     "Ger Vossen":["Ger Vossen","Vossen"],
     "Frank Willems":["Frank Willems"],
     "Leo Ramakers":["Leo Ramakers"],
     "Guido Hendrix":["prof. dr. G.J.M. Hendrix","Guido Hendrix"]},
    ["demografie","wonen-leefomgeving","regionale-samenwerking"], [],
    "Annual report 2009 chapter, written in spring 2010 (mentions 9 Feb 2010 working group and the 16 April 2010 meeting in Zeist - not the event date, Zeist not a participant). Event Friday 20 November 2009 in the Glaspaleis. Onderbanken and Nuth are correct 2009 names (merged into Beekdaelen in 2019). Parkstad Limburg is a city region, not a municipality; Herzogenrath (Germany, Eurode) only mentioned. Unnamed Nicis Institute staffer led a discussion: no named speaker. Prof. dr. G.J.M. Hendrix = Guido Hendrix. 'krimp, bevolkingsdaling' = demografie; sloop/woonvisie = wonen; Parkstad regional agreements = regionale-samenwerking. Topteam Krimp, het Rijk, VNG are organisations.")

add("y13.md", "2023-04-14", "Vlissingen",
    ["Vlissingen","Middelburg","Goes","Terneuzen","Schouwen-Duiveland","Den Helder"], [],
    {"Marco Dieleman":["Marco Dieleman"],
     "Femke Dijkhuis":["Femke Dijkhuis"],
     "Kevin de Looze":["Kevin de Looze"]},
    ["economie-arbeidsmarkt","onderwijs-cultuur"], ["wonen-leefomgeving"],
    "Speech with [applaus] notes and editor's intro; front matter date 2023-04-20 is the publication date, event Friday 14 April 2023. Dijkhuis and De Looze named as speakers only in the intro (the mayor announces De Looze as 'straks'). Chair Ingrid Wolters is only thanked here, 'onze eigen Joost' and the unnamed predecessor are thanked: NOT speakers. 2019 mentioned as an earlier plan. Delft and Polen only as origins. 'vacatures niet vullen, lassers, ingenieurs' = arbeidsmarkt; Campus Zeeland/HZ = onderwijs; housing newcomers = wonen (optional). Zeeuwse compensatie, het Rijk are not municipalities.")

add("y14.md", "2016-02-18", "Oss",
    ["Oss","Uden","Veghel","Bernheze","'s-Hertogenbosch","Helmond","Roosendaal","Waalwijk","Gorinchem","Alphen aan den Rijn"], [],
    {"Lieke Verhoeven":["Lieke Verhoeven","L. Verhoeven"],
     "Hendrik-Jan Smeenk":["H.J. Smeenk"],
     "Bram Koster":["dr. Bram Koster","dr. B. Koster","Bram Koster"],
     "Mirjam de Kleijn":["drs. M. de Kleijn","Mirjam de Kleijn"],
     "Hans Ruijs":["H. Ruijs","Hans Ruijs"],
     "Charlotte Mertens":["C. Mertens","Charlotte Mertens"],
     "Yusuf Demir":["Y. Demir","Yusuf Demir"]},
    ["economie-arbeidsmarkt","sociaal-domein"], ["onderwijs-cultuur","wonen-leefomgeving"],
    "Evaluation (written 11 March 2016) of the day of Thursday 18 Feb 2016; board meeting 24 March 2016 is another date. Venue former town hall of Lith (Lith merged into Oss in 2011). Veghel is correct in Feb 2016; Meierijstad only from 1-1-2017 (mentioned as future, NOT a participant). 'Den Bosch' in a quote = 's-Hertogenbosch. Chair appears only as 'H.J. Smeenk' (initials; full name Hendrik-Jan Smeenk in other reports). Initials in the score table, full names in the remarks. Hans Ruijs works for IBN (SW-bedrijf), not a municipality. 'jongeren met een uitkering, Participatiewet, Wajong' = arbeidsmarkt + sociaal domein; statushouders housing and school data are secondary. Divosa, RMC are organisations.")

add("y15.md", "2010-09-24", "Weert",
    ["Weert","Roermond","Venlo","Sittard-Geleen","Helmond","Leudal","Maasgouw","Echt-Susteren"], [],
    {"Paul Lenssen":["Paul Lenssen","Lenssen"],
     "Jos van Weert":["Jos van Weert","Van Weert"],
     "Anita Custers":["Anita Custers"],
     "Sandra Peters":["Sandra Peters"]},
    ["mobiliteit"], ["regionale-samenwerking"],
    "Newspaper (De Limburger) of Saturday 25 Sept 2010; event 'gisteren' = Friday 24 Sept 2010. ProRail speaker Jos van Weert has the host's name as surname. Gedeputeerde cancelled; an unnamed Roermond wethouder only made a remark; journalist Noël Cremers: not speakers. Eindhoven, Nijmegen, Maastricht, Mönchengladbach, Den Haag only mentioned. 'intercity, spoor, Maaslijn, bereikbaarheid' = mobiliteit. Veolia Transport, ProRail are organisations.")

add("y16.md", "2026-03-12", "Hof van Twente",
    ["Hof van Twente","Hengelo","Almelo","Oldenzaal","Rijssen-Holten","Twenterand","Haaksbergen","Hardenberg"], ["Gronau","Nordhorn","Bad Bentheim"],
    {"Anneke Brinkhuis":["Anneke Brinkhuis","Brinkhuis"],
     "Dennis Kamphuis":["Dennis Kamphuis","Kamphuis"],
     "Marloes ter Horst":["Marloes ter Horst","Frau ter Horst"],
     "Bernd Hölscher":["Bernd Hölscher"],
     "Matthias Krüger":["Dr. M. Krüger","Matthias Krüger","Dr. Matthias Krüger"]},
    ["duurzaamheid-energie"], ["economie-arbeidsmarkt","regionale-samenwerking"],
    "Bilingual Dutch/German; front matter date 2026-03-19T14:00 is publication; event Thursday 12 March 2026. Host named only as 'het gemeentehuis in Goor' / 'de gastgemeente, ontstaan in 2001 uit Goor, Markelo, Diepenheim, Delden en Ambt Delden' = Hof van Twente (old names are not municipalities). German municipalities Gronau, Nordhorn, Bad Bentheim have no CBS name -> optional; Kreis Borken and Stadtwerke Gronau are organisations. NRW minister's video message failed: not a speaker. Next meeting 24 Sept 2026 in Nordhorn and deadline 1 May 2026 are not event dates. 'stroomnet zit vol, netcongestie, waterstof' = duurzaamheid-energie.")

add("y17.md", "2024-01-25", "Purmerend",
    ["Purmerend","Dijk en Waard","Hoorn","Alkmaar","Den Helder"], [],
    {"Fatima Zahiri":["Fatima Zahiri"],
     "Niels Schoorl":["Niels Schoorl"]},
    ["wonen-leefomgeving"], [],
    "Very short intranet item of Dijk en Waard (141 words), dated Monday 29 Jan 2024; event 'afgelopen donderdag' = 25 Jan 2024. Host named only as the old raadszaal in Middenbeemster, former town hall of Beemster; Beemster merged into Purmerend on 1-1-2022, so the host is Purmerend (never written). Linda Groot and Mark Kuiper (Dijk en Waard) only attended; the lunch lecture of 8 February is a later, internal event. 'hoe bouwen we sneller, flexwoningen, spoedzoekers' = wonen.")

add("y18.md", "2026-05-21", "Roosendaal",
    ["Roosendaal","Bergen op Zoom","Etten-Leur","Halderberge","Moerdijk","Oosterhout","Emmen","Kerkrade","Gooise Meren","Súdwest-Fryslân"], [],
    {"Joyce Akkermans":["Joyce Akkermans"],
     "Ingrid Wolters":["Ingrid Wolters"],
     "Laura Visser":["Laura Visser","Laura"],
     "Tom van der Goes":["Tom van der Goes","Van der Goes"],
     "Erwin Dijkstra":["Erwin Dijkstra","Dijkstra"],
     "Petra Hermans":["Petra Hermans"]},
    ["digitalisering","bestuur-financien"], [],
    "E-mail dated Wed 27 May 2026; event 'vorige week donderdag' = 21 May 2026. Hybrid: writer (Emmen) followed online, Emmen counts. Speaker Tom van der Goes (Bergen op Zoom) - Goes did NOT take part. Staatssecretaris cancelled, an unnamed BZK official only listened: not speakers. Next meeting 8 October in Hoogeveen: Hoogeveen not a participant. 'ravijnjaar, gemeentefonds krimpt, ozb verhoogd' = bestuur-financien without the word; AI-verordening, chatbot, algoritmeregister = digitalisering. VNG Realisatie, Raad voor het Openbaar Bestuur, BZK are organisations.")

json.dump(G, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gold.json'),"w"), ensure_ascii=False, indent=1)
print(len(G))
