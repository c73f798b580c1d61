import json
R = []
def add(file, date, host, munis, opt, speakers, themes, topt, notes):
    R.append({"file": file, "date": date, "host": host, "municipalities": munis,
              "municipalities_optional": opt, "speakers": list(speakers.keys()),
              "speaker_forms": speakers, "themes": themes, "themes_optional": topt, "notes": notes})

add("u01.md","2010-03-12","Vlissingen",
 ["Vlissingen","Goes","Middelburg","Bergen op Zoom","Gorinchem","Den Helder","Hoorn","Oss","Deventer","Veenendaal","Kampen","Roosendaal"],[],
 {"Arie-Jan Verhulst":["Arie-Jan Verhulst","Verhulst"],"Gerrit-Jan Nijhof":["Gerrit-Jan Nijhof","Nijhof"],
  "Dirk-Jan Kodde":["Dirk-Jan Kodde"],"Kees van Gorcum":["Kees van Gorcum","Van Gorcum"],"Hanneke Smulders":["Hanneke Smulders"]},
 ["binnenstad"],["wonen-leefomgeving","economie-arbeidsmarkt"],
 "Newspaper. Event date only relative ('gisteren') to byline 13 March 2010 -> 12 March. Venue Arsenaaltheater; host via dateline/wethouder. Mayor Jan-Kees Boogaard absent (not a speaker). Surname place name 'Van Gorcum' (Gorinchem not implied by it; Gorinchem took part via workshop without a person). Ministry VROM contribution cancelled; Nijhof read a letter. Next meeting 8 Oct in Deventer (another date, Deventer is participant anyway). Theme 'lege winkelpanden' = binnenstad without the word 'binnenstad' in headline; journalist Marieke Dregmans not a speaker.")
add("u02.md","2014-06-05","Helmond",
 ["Helmond","Zeist","Emmen","Assen","Deventer","Etten-Leur","Gorinchem","Heerlen","Hoorn","Nieuwegein","Oosterhout","Oss","Roosendaal","Veenendaal","Venlo","Weert"],[],
 {"Jan-Willem Verstappen":["Jan-Willem Verstappen","Verstappen"],"Willemijn Stoutjesdijk":["Willemijn Stoutjesdijk"],
  "Ruben Geerts":["Ruben Geerts"],"Sabine Tielemans":["Sabine Tielemans"],"Marco Lindhout":["Marco Lindhout"],
  "Rik Baijens":["Rik Baijens"],"Astrid Kooijman":["Astrid Kooijman"]},
 ["digitalisering","economie-arbeidsmarkt"],[],
 "Press release dated 6 June (YAML datum = publication date) for an event 'donderdag 5 juni'. Press contact Evelien van Lieshout is not a speaker. Minister (unnamed) absent, video message. Amsterdam/Eindhoven only mentioned. 'een collega uit Emmen' unnamed co-presenter. Brainport Development / VNG organisations. Next day in Hoorn (no date). 'mr. Astrid Kooijman' title.")
add("u03.md","2016-10-14","Hoorn",
 ["Hoorn","Alkmaar","Den Helder","Purmerend","Zaanstad","Gorinchem","Nieuwegein","Oss","Veenendaal","Vlissingen","Goes","Deventer","Emmen","Smallingerland","Heerlen","Weert","Zeist","Roosendaal","Etten-Leur"],[],
 {"Frits Rozendaal":["Frits Rozendaal"],"Willemijn Stoutjesdijk":["W. Stoutjesdijk"],"Lotte Brinkhuis":["Lotte Brinkhuis"],
  "Petra Schuitemaker":["Petra Schuitemaker"],"Bart Hoorn":["Bart Hoorn","Hoorn"],"Gerard Rietveld":["Gerard Rietveld"],"Yvonne Claassen":["Yvonne Claassen"]},
 ["sociaal-domein","economie-arbeidsmarkt"],["regionale-samenwerking","bestuur-financien"],
 "Raadsinformatiebrief; letter date 8 Nov 2016, earlier letter 2 June 2016, event 14 Oct, next day 21 April 2017, deadline 1 Dec 2016. Speaker Bart Hoorn (UWV) in a Hoorn-hosted report, second mention 'Hoorn gaf aan'. Chair only as 'W. Stoutjesdijk' (initial). Wethouder Kaagman absent, secretary Oudejans only signs. Mayor Rozendaal gave welcome (counted as speaker), also signs as 'F. Rozendaal'. 'jongeren met een uitkering' = labour market; Movisie, UWV organisations. West-Friesland is a region, not a municipality.")
add("u04.md","2019-05-23","Deventer",
 ["Deventer","Zutphen","Apeldoorn","Kampen","Hengelo","Almelo","Ede","Veenendaal","Zeist","Hoorn","Gorinchem","Vlissingen","Heerlen","Zwolle"],[],
 {"Thijs Rouwenhorst":["Thijs Rouwenhorst"],"Ilse Bosch":["Ilse Bosch","Bosch"],"Maarten Schepers":["Maarten Schepers"],
  "Hans Wiggers":["Hans Wiggers","Wiggers"],"Anke ten Brinke":["Anke ten Brinke"],"Rob Holterman":["Mr. R. Holterman","Holterman"],
  "Willemijn Stoutjesdijk":["Willemijn Stoutjesdijk"]},
 ["duurzaamheid-energie","mobiliteit"],[],
 "Live blog; YAML ISO datetime; venue only 'Bergkerk', host via 'de Deventer wethouder' and Ilse Bosch's employer. Surname Bosch (cf. 's-Hertogenbosch, not a participant). Helmond registered but absent (stuck train) -> not a participant. Enschede only on the F35 route. Holterman only with initial here (full name Rob Holterman in u08). Pieter Smeulders announced as future speaker in Den Helder: NOT a speaker here. 'van het aardgas af' = energy without the slug word; 'het Rijk', TNO, provincie Overijssel organisations.")
add("u05.md","2018-10-12","Heerlen",
 ["Heerlen","Kerkrade","Sittard-Geleen","Venlo","Weert","Roermond","Emmen","Den Helder","Vlissingen","Goes","Assen","Deventer","Hoorn","Zeist","Nieuwegein","Oss"],[],
 {"Frank Kerckhoffs":["Frank Kerckhoffs"],"Willemijn Stoutjesdijk":["Willemijn Stoutjesdijk"],"Pieter Smeulders":["Pieter Smeulders","Smeulders"],
  "Ingrid Pelzer-Claessens":["Ingrid Pelzer-Claessens","Pelzer-Claessens"],"Jeroen Vaessen":["Jeroen Vaessen"],"Noud Rutten":["Noud Rutten"],
  "Eva Lemmens":["Eva Lemmens"],"Ruud Tiemersma":["Ruud Tiemersma"]},
 ["demografie","wonen-leefomgeving"],["regionale-samenwerking"],
 "English summary; titles Mayor, Alderman, Deputy Mayor, Prof., Dr. Venue Glaspaleis. Shrinkage = demografie. Parkstad Limburg is a region, Weller a housing corporation, Platform31 organisation. Aachen workshop cancelled (German speaker ill, not named). Den Helder/Emmen/Vlissingen also mentioned as shrinking but they are listed participants. Next meeting spring 2019 Deventer; registration deadline 1 March 2019.")
add("u06.md","2021-02-18","Assen",
 ["Assen","Emmen","Hoogeveen","Meppel","Heerenveen","Leeuwarden","Súdwest-Fryslân","Kampen","Deventer","Den Helder","Smallingerland"],[],
 {"Hendrik Zandstra":["Hendrik Zandstra"],"Fenna Ravelli":["Fenna Ravelli"],"Jorrit Zijlstra":["Jorrit Zijlstra","Zijlstra"],
  "Anna Wolters":["Anna Wolters","Wolters"],"Hylke Bouma":["Hylke Bouma"]},
 ["veiligheid"],["digitalisering"],
 "Intern's learning diary written by a Smallingerland intern; online meeting organised by Assen (studio in library). 'ondermijning' = veiligheid. RIEC and Veiligheidsregio are organisations, not municipalities. Supervisor Sietse de Vries attended but did not speak; mayor Durk Wijbenga only in a future interview (25 Feb). Bouma works for Leeuwarden. Next day June in Zeist (not a participant here).")
add("u07.md","2024-04-16","Ede",
 ["Ede","Veenendaal","Wageningen","Barneveld","Amersfoort","Nieuwegein","Zeist","Apeldoorn","Deventer","Kampen","Alphen aan den Rijn","Gorinchem","Oss","Helmond","Hoorn"],[],
 {"Leon Ravensbergen":["Leon Ravensbergen"],"Marijke van Ede":["Marijke van Ede","Van Ede"],"Tobias Rensink":["Tobias Rensink","Rensink"],
  "Naima El Khatib":["Naima El Khatib","El Khatib"],"Fenna Ravelli":["Fenna Ravelli"],"Sander Oudshoorn":["Sander Oudshoorn"],"Jolien Verbeek":["Jolien Verbeek"]},
 ["wonen-leefomgeving"],["regionale-samenwerking","demografie","sociaal-domein"],
 "Q&A page; YAML date 2024-04-22 is publication ('vorige week'), event 16 April 2024. Speaker surname 'Van Ede' (COA) at an Ede-hosted event. 'statushouders/vergunninghouders huisvesten' = housing. Renswoude, Rhenen, Nijkerk, Scherpenzeel only named as parties to Foodvalley agreements, not participants (left out). Minister absent, DG's written reaction read. Next day 10 Oct 2024, deadline 15 Sept. Surname Oudshoorn is also a former place name.")
add("u08.md","2009-09-25","Hengelo",
 ["Hengelo","Almelo","Enschede","Oldenzaal","Deventer","Apeldoorn","Emmen","Helmond","Oss","Venlo","Den Helder","Alphen aan den Rijn"],[],
 {"Rob Holterman":["Rob Holterman","Holterman"],"Karin Smit-Olthof":["Karin Smit-Olthof"],"Wim Lansink":["Wim Lansink","Lansink"],
  "Erik Hulshof":["Erik Hulshof"],"Gerrit-Jan Nijhof":["Gerrit-Jan Nijhof"],"Peter van Oss":["Peter van Oss"]},
 ["economie-arbeidsmarkt","onderwijs-cultuur"],["demografie"],
 "Newspaper (Tubantia) dated Wed 30 Sept 2009, event 'afgelopen vrijdag' = 25 Sept. Venue De Metropool. Speaker Peter van Oss works for Helmond (Oss is a separate participant). Doetinchem cancelled -> not participant. Anonymous Enschede official is not a speaker. Stork/Thales companies; Nicis (predecessor of Platform31) and ROC van Twente organisations. Next meeting spring in Vlissingen.")
add("u09.md","2018-03-16","Meierijstad",
 ["Meierijstad","Oss","'s-Hertogenbosch","Uden","Bernheze","Boxtel","Helmond","Roosendaal","Etten-Leur","Oosterhout","Gorinchem","Nieuwegein","Weert"],[],
 {"Jan-Willem Heerkens":["Jan-Willem Heerkens"],"Lieke Manders":["Lieke Manders"],"Ruud Schoonhoven":["Ruud Schoonhoven","Schoonhoven"],
  "Anja Dortmans":["A.M. (Anja) Dortmans"],"Thomas Verhoeven":["Thomas Verhoeven"]},
 ["economie-arbeidsmarkt","regionale-samenwerking"],["bestuur-financien"],
 "Raadsinformatiebrief from Oss (a participant), not from the host. Host never named: 'voormalige gemeentehuis van Sint-Oedenrode', 'buurgemeente ontstaan uit Schijndel, Sint-Oedenrode en Veghel' = Meierijstad (merged 1 Jan 2017). Letter date 3 April 2018, event '16 maart jongstleden', Kadernota 28 June 2018. Wethouder surname Schoonhoven is a place name. Oss mayor Verhagen-Smits absent. Agrifood Capital, Platform31, Regio Noordoost-Brabant organisations; Mars/Vion companies.")
add("u10.md","2022-09-29","Alphen aan den Rijn",
 ["Alphen aan den Rijn","Leiden","Gouda","Kaag en Braassem","Nieuwkoop","Purmerend","Nieuwegein","Zeist","Veenendaal","Gorinchem","Hoorn","Den Helder","Deventer","Oss","Emmen"],[],
 {"Marianne Dekkers-Vos":["Marianne Dekkers-Vos"],"Fenna Ravelli":["Fenna Ravelli","Ravelli"],"Koen Hermans-Bakker":["Koen Hermans-Bakker"],
  "Dewi Ramdin":["Dewi Ramdin","Ramdin"],"Marloes de Wit":["Marloes de Wit"],"Gert-Jan Zwanenburg":["Gert-Jan Zwanenburg"],
  "Jan-Pieter de Wit":["mr. J.P. de Wit","Jan-Pieter de Wit"]},
 ["bestuur-financien","sociaal-domein"],[],
 "Hybrid live blog; held in the former town hall of Boskoop (merged into Alphen aan den Rijn in 2014) -> host Alphen aan den Rijn. Chair Ravelli spoke remotely (still a speaker). Two De Wits (Marloes, Holland Rijnland; Jan-Pieter, Nieuwegein) - initials 'mr. J.P. de Wit' then full name. Holland Rijnland, VNG, 'het Rijk' organisations. 'jeugdzorg tekorten' = sociaal-domein + finances. Next day spring 2023 Roosendaal.")
add("u11.md","2015-11-19","Súdwest-Fryslân",
 ["Súdwest-Fryslân","Leeuwarden","Harlingen","Smallingerland","Heerenveen","Franekeradeel","Assen","Emmen","Den Helder","Hoorn","Kampen","Deventer","Vlissingen"],[],
 {"Tjitske Wiersma-Hoekstra":["Tjitske Wiersma-Hoekstra"],"Sjoerd Bosma":["Sjoerd Bosma"],"Wytske Postma":["Wytske Postma"],
  "Ruud Tiemersma":["Ruud Tiemersma","Tiemersma"],"Haije Terpstra":["Haije Terpstra"],"Klaas Sipma":["Klaas Sipma"]},
 ["onderwijs-cultuur","regionale-samenwerking"],["economie-arbeidsmarkt"],
 "English summary; YAML date 2015-11-20 is publication, event Thursday 19 Nov 2015. Venue old town hall of Bolsward (Boalsert), part of Súdwest-Fryslân since 2011. Franekeradeel still existed in 2015 (Waadhoeke only from 2018). Mayor Wijnstra-Kuipers expected but absent; Mayor of Leeuwarden only mentioned. Stichting Kulturele Haadstêd 2018 and Fryske Akademy organisations. Next day 8 April 2016.")
add("u12.md","2008-11-07","Weert",
 ["Weert","Venlo","Roermond","Maastricht","Heerlen","Sittard-Geleen","Helden","Nederweert","Bergen op Zoom","Roosendaal","Terneuzen","Helmond"],[],
 {"Hennie van Beurden":["Hennie van Beurden"],"Gerrit-Jan Nijhof":["Gerrit-Jan Nijhof"],"Sanne van Weert":["Sanne van Weert","Van Weert"],
  "Jos Hermans":["Jos Hermans"],"Ine Vroemen":["Ine Vroemen"],"Luc Debets":["Luc Debets","Debets"]},
 ["veiligheid"],["regionale-samenwerking","binnenstad"],
 "Trainee report (Venlo intern). Venue raadszaal Weert stadhuis. Speaker surname 'Van Weert' at a Weert-hosted day. Helden still a municipality in 2008 (Peel en Maas from 2010). Belgian mayor of Maaseik co-led a workshop but is unnamed and Maaseik is not a Dutch municipality (excluded). 'drugsrunners/coffeeshops/overlast' = veiligheid. Supervisor Mieke Janssen-Peeters attended only. Future interview with Van Weert in December; next day March 2009 Den Helder.")
add("u13.md","2026-03-12","Nieuwegein",
 ["Nieuwegein","Houten","IJsselstein","Utrechtse Heuvelrug","Zeist","Amersfoort","Veenendaal","Alphen aan den Rijn","Dijk en Waard","Hoorn","Gorinchem","Súdwest-Fryslân","Deventer","Oss","Weert"],[],
 {"Femke Overbeek-Lunenburg":["Femke Overbeek-Lunenburg"],"Anouk Zeist":["Anouk Zeist"],"Jan-Pieter de Wit":["Jan-Pieter de Wit","De Wit"],
  "Youssef Benali":["Youssef Benali","Benali"],"Ruud Tiemersma":["Ruud Tiemersma"],"Fenna Ravelli":["Fenna Ravelli"],
  "Pieter-Bas Rijnierse":["Pieter-Bas Rijnierse"],"Sara Moreira":["Sara Moreira"]},
 ["digitalisering","bestuur-financien"],[],
 "Q&A page; YAML datum ISO datetime 2026-03-20 is publication; event 12 March 2026. Speaker 'Anouk Zeist' (VNG) while Zeist is also a participant. Jan-Pieter de Wit recurs from u10. Staatssecretaris absent. 'ravijnjaar' = finances without the word. Dates: VNG presentation after 1 April, next day 9 Oct 2026 in Vlissingen, deadline 1 Sept.")
add("u14.md","2023-03-09","Roosendaal",
 ["Roosendaal","Bergen op Zoom","Etten-Leur","Oosterhout","Moerdijk","Hoeksche Waard","Goes","Vlissingen","Terneuzen","Helmond","Weert","Gorinchem","Alphen aan den Rijn"],[],
 {"Mirjam Kuijpers":["Mirjam Kuijpers"],"P.A.M. van Loon":["P.A.M. van Loon","Van Loon"],"Wouter Steegmans":["Wouter Steegmans"],
  "Nadia el Amrani":["Nadia el Amrani","El Amrani"],"Rien de Kraker":["Rien de Kraker"],"Fenna Ravelli":["Fenna Ravelli"]},
 ["binnenstad","mobiliteit"],[],
 "Newspaper (BN DeStem) dated Monday 13 March 2023; event 'afgelopen donderdag' = 9 March. Venue Schouwburg De Kring. Speaker known only by initials (Ing. P.A.M. van Loon). Anonymous shopkeeper quoted by the paper: not a speaker. Mayor of Roosendaal absent (visit to Belgian Essen, not Dutch). 'lege etalages' = binnenstad; parking = mobiliteit. Next meeting October in Ede.")
add("u15.md","2020-06-18","Kampen",
 ["Kampen","Zwolle","Deventer","Hardenberg","Meppel","Steenwijkerland","Hengelo","Emmen","Assen","Smallingerland","Ede","Zeist","Nieuwegein","Hoorn","Purmerend","Gorinchem","Alphen aan den Rijn","Oss","Helmond","Vlissingen","Heerlen"],[],
 {"Sjoerd Kloosterboer":["Sjoerd Kloosterboer"],"Marit Reinders":["Marit Reinders"],"Laurens van IJsselmuiden":["Laurens van IJsselmuiden"],
  "Harm Kolkman":["Harm Kolkman","Kolkman"],"Karin Mulder":["Karin Mulder"],"Els Bruggink-Vos":["Els Bruggink-Vos"],"Fenna Ravelli":["Fenna Ravelli"]},
 ["duurzaamheid-energie"],["wonen-leefomgeving"],
 "Press release sent the day after (19 June 2020, 'Gisteren'); fully online meeting organised by Kampen (livestream from Stadsgehoorzaal). Former chair Stoutjesdijk only thanked: NOT a speaker. Press contact Jorien Dekker not a speaker. 'klimaatadaptatie, hitte, hoogwater' mapped to duurzaamheid-energie. Surname Van IJsselmuiden (IJsselmuiden is a village in Kampen). Waterschap, GGD IJsselland, Kennisportaal organisations.")
add("u16.md","2025-10-17","Den Helder",
 ["Den Helder","Schagen","Hollands Kroon","Texel","Dijk en Waard","Alkmaar","Hoorn","Purmerend","Vlissingen","Goes","Terneuzen","Emmen","Assen","Súdwest-Fryslân","Kampen","Heerlen","Gorinchem","Nieuwegein"],[],
 {"Pieter-Jan Kuiper":["Pieter-Jan Kuiper"],"Pieter Smeulders":["P. Smeulders","Prof. Smeulders"],"Wendy Kornelis":["Wendy Kornelis","Kornelis"],
  "Ahmed Bouzid":["Ahmed Bouzid","Bouzid"],"Fenna Ravelli":["Fenna Ravelli"],"Lisa Groot":["Lisa Groot"],"Marit Zonneveld":["Marit Zonneveld"]},
 ["demografie","onderwijs-cultuur"],["economie-arbeidsmarkt","wonen-leefomgeving"],
 "Raadsinformatiebrief of the host; letter 4 Nov 2025, event 17 Oct 2025, commission 1 Sept 2025, minister's letter 10 Oct 2025, Woonvisie deadline 31 March 2026. Participant named by old name 'Heerhugowaard' -> Dijk en Waard (since 2022). Hollands Kroon via livestream only (still a participant). Smeulders only with initial here (full name in u05). Minister of Defence letter read by mayor: minister not a speaker. Amsterdam/Groningen only as destinations of young people. Koninklijke Marine, Inholland organisations.")
add("u17.md","2012-10-04","Zeist",
 ["Zeist","Utrechtse Heuvelrug","De Bilt","Houten","Nieuwegein","Amersfoort","Veenendaal","Ede","Hilversum","Bussum","Hoorn","Purmerend","Gorinchem","Deventer","Helmond","Heerlen","Vlissingen","Emmen"],[],
 {"Gerrit-Jan Nijhof":["Gerrit-Jan Nijhof","Nijhof"],"Marco Lindhout":["Marco Lindhout","Lindhout"],"Ruud Tiemersma":["Ruud Tiemersma","Tiemersma"],
  "Hanneke Doorn":["Hanneke Doorn","Doorn"],"Karel Wijnands":["Karel Wijnands"],"Esther van Dalen":["Esther van Dalen"],"Joost Bilthoven":["Joost Bilthoven"]},
 ["wonen-leefomgeving","duurzaamheid-energie"],["mobiliteit","economie-arbeidsmarkt"],
 "Two-day live blog (4-5 Oct 2012): date = first day. Venue Slot Zeist. Bussum is the municipality as on the event date (merged into Gooise Meren only in 2016). Surnames Doorn and Bilthoven are villages (Utrechtse Heuvelrug / De Bilt). Joost Bilthoven works for provincie Utrecht. 'lege kantoren -> woningen' = wonen. Platform31, Agentschap NL, Woongoed Zeist organisations. Nijhof's successor 'next spring' not named. Next conference March 2013 Helmond.")
add("u18.md","2016-11-24","Emmen",
 ["Emmen","Coevorden","Borger-Odoorn","Hoogeveen","Assen","Midden-Drenthe","Smallingerland","Kampen","Deventer","Hengelo","Den Helder","Hoorn","Heerlen","Vlissingen","Oss","Zeist"],[],
 {"Jan Hendrik Scheper":["Jan Hendrik Scheper"],"Willemijn Stoutjesdijk":["Willemijn Stoutjesdijk"],"Marjolein Kruit-Dijkstra":["Marjolein Kruit-Dijkstra"],
  "Gerrit Emmens":["Gerrit Emmens"],"Hilde Bakker":["Hilde Bakker"],"Ruud Tiemersma":["Ruud Tiemersma"],"Alwin Hoving":["Alwin Hoving"]},
 ["economie-arbeidsmarkt","demografie"],["sociaal-domein"],
 "Press release same day ('Vandaag', 24 Nov 2016). Venue Atlas Theater. Speaker 'Gerrit Emmens' works for Coevorden, not Emmen. 'jongeren met een bijstandsuitkering of Wajong' = labour market; 'scholen sluiten, gezinnen trekken weg' = demografie. Minister absent (video). Groningen/Zwolle only as destinations. Press contact Marloes Wubs not a speaker. Next meeting 21 April 2017. Hanzehogeschool, Treant, UWV, Drenthe College organisations.")
json.dump(R, open(__import__("os").path.join(__import__("os").path.dirname(__import__("os").path.abspath(__file__)), "gold.json"), "w"), ensure_ascii=False, indent=1)
print(len(R))
