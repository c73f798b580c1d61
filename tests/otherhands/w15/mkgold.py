import json, os
G=[]
def r(f,date,host,m,mo,sp,th,tho,notes):
    G.append({"file":f,"date":date,"host":host,"municipalities":m,"municipalities_optional":mo,
      "speakers":list(sp.keys()),"speaker_forms":sp,"themes":th,"themes_optional":tho,"notes":notes})
r("z01.md","2019-10-10","Deventer",["Deventer","Emmen","Hoorn","Kampen","Assen","Oss","Helmond"],[],
 {"Ilse Brinkman-Oosterhuis":["Ilse Brinkman-Oosterhuis","Brinkman-Oosterhuis"],"Thijs van Gorcum":["Thijs van Gorcum","Van Gorcum"],
  "Fatima El Ouali":["Fatima El Ouali","El Ouali"],"Pieter Ede":["Pieter Ede","Ede"]},["binnenstad"],["economie-arbeidsmarkt"],
 "Live blog. YAML date is the publication date (2019-10-11T08:15) while the event is 'do 10/10'; surnames Van Gorcum and Ede (not from Ede); Heerlen cancelled (absent, not a participant); chair Henk Mulder ill (not a speaker); Joris Akkermans announced for the next day in Roosendaal on 12 March 2020 (not a speaker, Roosendaal not a participant); Gent/Leuven abroad; theme 'lege winkelpanden' without the word binnenstad in the speaker quotes; Hoorn mentioned via an overheard remark (participant from attendance list).")
r("z02.md","2023-10-10","Súdwest-Fryslân",["Súdwest-Fryslân","Smallingerland","Heerenveen","Assen","Kampen","Goes","Vlissingen"],[],
 {"Sjoukje Hoekstra-Dijkstra":["Sjoukje Hoekstra-Dijkstra","Hoekstra-Dijkstra"],"Wytze de Boer":["Wytze de Boer","De Boer"],"Douwe Bosch":["Douwe Bosch","Bosch"]},
 ["duurzaamheid-energie"],["regionale-samenwerking"],
 "Hybrid live blog. Header says only 'Week 41' and 'tiisdei / dinsdag 10/10'; year only in YAML datum. Host named only by 'het stadhuis van Sneek' (Sneek is part of Súdwest-Fryslân since 2011; wethouder's municipality named later); Drachten = Smallingerland, named as place; Goes and Vlissingen online; Frisian phrases; surname Bosch; chair mevrouw Van der Linden only sent a video message (not counted as speaker, debatable); next day 14 March 2024 is a second date; Sønderborg abroad; Enexis/Stedin/Liander organisations.")
r("z03.md","2021-06-03","Heerlen",["Heerlen","Venlo","Weert","Sittard-Geleen","Emmen","Den Helder"],["Landgraaf","Kerkrade"],
 {"Jo Lemmens":["Jo Lemmens","Lemmens"],"Ewa Kowalczyk":["Ewa Kowalczyk","Kowalczyk"],"Bart Hoorn":["Bart Hoorn","Hoorn"]},
 ["demografie","wonen-leefomgeving"],["regionale-samenwerking"],
 "Online live blog organised by Heerlen (host = Heerlen although nobody travelled). Landgraaf and Kerkrade only 'watch along' as Parkstad neighbours (optional); Roermond absent; surname Hoorn (Parkstad Limburg, not the municipality Hoorn); Tessa Coumans-Ruijters composed the programme but was ill (not a speaker); Leipzig/Halle abroad; Glaspaleis as building; next meeting in Den Helder (a participant anyway).")
r("z04.md","2016-03-17","Helmond",["Helmond","Oss","Roosendaal","Weert","Gorinchem","Zeist"],[],
 {"Murat Yilmaz":["Murat Yilmaz","De heer Yilmaz"],"Anouk Verbeek-Smits":["Anouk Verbeek-Smits","Verbeek-Smits"],"Hanneke Bakker":["mevrouw Bakker","Hanneke Bakker"]},
 ["sociaal-domein"],[],
 "Thesis chapter. Date only in a footnote as \"do 17-3-'16\" plus 'een donderdag, tien dagen vóór Pasen'; respondents identified by municipality; participants in a table incl. Purmerend as 'afwezig'; 'mevrouw Bakker' before her full name; 'De heer Yilmaz'; interview dates (12 and 20 April 2016) and literature years are distractor dates; theme (jeugdzorg, Wmo, Participatiewet, wijkteams) never called 'sociaal domein' by a speaker except the intro.")
r("z05.md","2012-11-22","Oss",["Oss","Nieuwegein","Veenendaal","Ede","Alphen aan den Rijn","Hoorn"],[],
 {"Jan-Pieter de Wit":["mr. J.P. de Wit","De Wit","Jan-Pieter de Wit"],"Kees Oosterhout":["Kees Oosterhout","Oosterhout"]},
 ["digitalisering"],["bestuur-financien"],
 "Research report with YAML date 2013-02-28 (publication, not event). Participants only in a table with date header '22-11-2012'; mr. J.P. de Wit with initials first, full name later; surname Oosterhout (KING, not the municipality); Wageningen and Renkum mentioned as possible partners (not participants); Estland abroad; next meeting 16 May 2013 in Alphen aan den Rijn (a distractor date).")
r("z06.md","2018-09-27","Vlissingen",["Vlissingen","Goes","Middelburg","Den Helder","Roosendaal","Bergen op Zoom","Delfzijl"],[],
 {"Anja Verhulst-Meijer":["Anja Verhulst-Meijer","Verhulst-Meijer"],"Marieke de Kraker":["Marieke de Kraker"],"Nadia Benali":["Nadia Benali","Benali"]},
 ["veiligheid","economie-arbeidsmarkt"],[],
 "Press release dated 17 September 2018 (before the event) with a 'Noot voor de redactie' (deadline 24 September) and an addendum of 28 September. Announced speaker Rik Lievense was ill and replaced by Marieke de Kraker: Lievense is NOT a speaker. Participants only in the addendum. Rotterdam/Antwerpen/Zeebrugge/Brugge comparisons; spokesman M. de Jonge only mentioned. Theme 'ondermijning' = veiligheid.")
r("z07.md","2014-05-15","Almelo",["Almelo","Hengelo","Oldenzaal","Hardenberg","Deventer","Doetinchem","Emmen"],[],
 {"Gerrit Nijhuis":["Gerrit Nijhuis","Nijhuis"],"Arjen ten Voorde":["Arjen ten Voorde","Ten Voorde"],"Jeroen Bruggink":["Jeroen Bruggink"]},
 ["economie-arbeidsmarkt"],["sociaal-domein","onderwijs-cultuur"],
 "Press release of 5 May 2014, date 'donderdag 15 mei' without year next to it. 'jongeren met een uitkering' = labour market/social domain. Sevda Kaya announced but absent, replaced by Jeroen Bruggink: Kaya is NOT a speaker. Spokesman Erik Smelt only a contact. Next day 6 November 2014 in Hoorn (Hoorn not a participant). Nijhuis counted as speaker from the announcement (the addendum does not contradict it).")
r("z08.md","2016-06-09","Veghel",["Veghel","Schijndel","Sint-Oedenrode","Oss","Helmond","Waalwijk"],[],
 {"Annelies van Dijk-Pietersen":["A. van Dijk-Pietersen","Annelies van Dijk-Pietersen"],"Hendrik Roosendaal":["Hendrik Roosendaal","Roosendaal"],"Femke Verhoeven":["Femke Verhoeven"]},
 ["bestuur-financien"],["regionale-samenwerking"],
 "Press release of 30 May 2016. Host is Veghel as named on the event date; Meierijstad only exists from 1 January 2017 and must NOT be the host nor a participant. Surname Roosendaal (professor, Tilburg University) vs municipality Roosendaal (not present). Unnamed burgemeester of Veghel opens (no name, not in speakers). Initials 'A. van Dijk-Pietersen' then full name. Deadline 6 June, addendum 10 June.")
r("z09.md","2010-11-04","Zeist",["Zeist","Nieuwegein","Veenendaal","Gorinchem","Oss","Deventer","Purmerend","Vlissingen"],[],
 {"Willemijn Terpstra":["Willemijn Terpstra","Mevrouw Terpstra","Terpstra"],"Ruud Kampen":["Ruud Kampen","Kampen"],"Chantal Nieuwenhuis":["Chantal Nieuwenhuis","Nieuwenhuis"]},
 ["bestuur-financien"],["sociaal-domein"],
 "FAQ. Venue Slot Zeist. Surname Kampen (ministry of BZK; municipality Kampen not present). The minister did not attend (letter read out) – not a speaker. Hoorn and Den Helder 'afwezig met bericht'. Next meeting spring 2011 in Gorinchem with deadline 1 March 2011. Theme expressed as 'bezuinigingen', 'gemeentefonds', 'kaasschaaf'.")
r("z10.md","2025-04-10","Purmerend",["Purmerend","Hoorn","Den Helder","Alphen aan den Rijn","Zeist","Nieuwegein","Emmen","Venlo","Goes","Heerlen"],[],
 {"Lotte Zwart":["Lotte Zwart","Zwart"],"Ahmed Rachidi":["Ahmed Rachidi","Rachidi"],"Thijs van Gorcum":["Thijs van Gorcum","Van Gorcum"]},
 ["digitalisering"],[],
 "FAQ with YAML publication date 2025-04-14; event given as 'Afgelopen donderdag, 10 april' (year only from YAML). Venue the former town hall of Beemster in Middenbeemster: host is Purmerend (merged 2022), not Beemster. Hybrid; online participants count. Staatssecretaris invited but absent. Veiligheid (phishing) only touched and deferred; 'augustus 2026' is a deadline, not the date.")
r("z11.md","2022-09-23","Den Helder",["Den Helder","Dijk en Waard","Hollands Kroon","Hoorn","Purmerend","Emmen","Gorinchem"],[],
 {"Petra Jansen-de Vries":["Petra Jansen-de Vries","mevrouw Jansen-de Vries"],"Mark Visser":["Mark Visser","Visser"],"Erik Schagen":["Erik Schagen","Schagen"]},
 ["wonen-leefomgeving","economie-arbeidsmarkt"],[],
 "Diary blog (train, rain, kibbeling). Colleague 'uit Heerhugowaard' works for Dijk en Waard (merged 1 January 2022) – use Dijk en Waard. Surname Schagen, works for Hollands Kroon (Schagen the municipality not present). Zaanstad explicitly NOT present (someone from the provincie Noord-Holland). Anna Paulowna, Alkmaar, Dordrecht only train stops. Portsmouth/Plymouth abroad. Blogger's own municipality Gorinchem counts. Next: spring 2023 in Oss.")
r("z12.md","2015-10-08","Venlo",["Venlo","Weert","Roermond","Helmond","Oss","Emmen","Assen"],[],
 {"Ramon Lenssen":["Ramon Lenssen"],"Jürgen Schäfer":["Jürgen Schäfer","Schäfer"],"Saskia Weert":["Saskia Weert","Weert"]},
 ["regionale-samenwerking","economie-arbeidsmarkt"],[],
 "Diary blog of a participant from Assen. Surname Weert (works for Roermond) vs municipality Weert (also present!). Venray, Horst aan de Maas, Beesel named as cooperating neighbours but not present; Eindhoven/Brainport mentioned; Duisburg, Krefeld, Mönchengladbach abroad; German name with umlaut. Next meeting in March in Kampen (not a participant).")
r("z13.md","2025-06-12","Smallingerland",["Smallingerland","Heerenveen","Súdwest-Fryslân","Assen","Emmen","Leeuwarden"],[],
 {"Jelmer Wijnsma":["Jelmer Wijnsma","Wijnsma"],"Hiske Zandstra-Bouma":["Hiske Zandstra-Bouma","Zandstra-Bouma"],"Rémi Dufresne":["Rémi Dufresne","Dufresne"]},
 ["mobiliteit"],[],
 "Diary blog by bike. YAML date 2025-06-14 is a Saturday (publication); the event is 'Donderdag' = 12 June 2025. Host named only as Drachten (municipality Smallingerland appears via the speaker's employer). Provinsje Fryslân is an organisation; Lille/Rijsel abroad with a French name; Laweiplein, De Drait are places in Drachten.")
r("z14.md","2013-04-18","Ede",["Ede","Veenendaal","Wageningen","Barneveld","Nieuwegein","Zeist"],[],
 {"Thijs van Gorcum":["Thijs van Gorcum"],"Yusuf Demir":["Yusuf Demir"],"Gerdien Veenstra-Kok":["Gerdien Veenstra-Kok"],"Jan Willem Hagedoorn":["Jan Willem Hagedoorn"]},
 ["wonen-leefomgeving"],["sociaal-domein"],
 "Workshop-by-workshop, each signed '— name, organisation'. Workshop leaders only appear in signatures. Woonstede is a housing corporation; mevrouw De Ruiter only thanked (not a speaker). Leuven abroad; Utrecht and Arnhem as destinations. Hagedoorn closed the day (counted as speaker). Next meeting 26 September 2013.")
r("z15.md","2009-06-11","Kampen",["Kampen","Deventer","Harderwijk","Hoorn","Gorinchem","Vlissingen","Zutphen"],[],
 {"Bert Koendering":["Bert Koendering"],"Aafke Brouwer":["Aafke Brouwer"],"Dirk-Jan Mulder":["Dirk-Jan Mulder"],"Karin de Graaf":["Karin de Graaf"]},
 ["binnenstad","onderwijs-cultuur"],["economie-arbeidsmarkt"],
 "Date only in a table header \"do 11 juni '09\". Werkgroep leaders in signatures. 'het Rijk' is an organisation. Brugge abroad. 'Afgemeld: Den Helder, Roosendaal'. Next meeting only 'week 45'. Erfgoed/monumenten theme = onderwijs-cultuur; 'zwakke staart' winkelstraat = binnenstad.")
r("z16.md","2024-11-14","Alphen aan den Rijn",["Alphen aan den Rijn","Gouda","Nieuwegein","Zoetermeer","Leidschendam-Voorburg","Kaag en Braassem","Smallingerland","Helmond"],[],
 {"Noor Haddou":["Noor Haddou"],"Ahmed Rachidi":["A. Rachidi"],"Jolanda van der Meer-Kooistra":["Jolanda van der Meer-Kooistra"]},
 ["sociaal-domein"],["digitalisering"],
 "Workshop leaders' reports; YAML date 2024-11-21 is publication, event 14 November. Hybrid (Smallingerland and Helmond online). Ahmed Rachidi appears only as 'A. Rachidi' here (same person as z10). Wethouder Kees Bosman thanked but absent – not a speaker. Castellum as venue. '2021' is a law date. Theme via 'schulden', 'armoedeval', 'werkende armen'.")
r("z17.md","2011-03-24","Goes",["Goes","Vlissingen","Terneuzen","Emmen","Den Helder"],[],
 {"Adrie Kodde":["Adrie Kodde"],"Lieke Hulst":["Lieke Hulst","Hulst"],"Ingrid Verstraeten":["Ingrid Verstraeten"]},
 ["demografie","wonen-leefomgeving"],[],
 "Newspaper item dated Saturday 26 March 2011; event 'afgelopen donderdag' = 24 March 2011. Byline journalist Cor Verhage is not a speaker. Surname Hulst (NIDI) vs municipality Hulst (not present). Gedeputeerde Jan Dekker announced but absent. Rotterdam/Gent as destinations; Zuid-Beveland, Zeeuws-Vlaanderen regions. Next meeting October in Emmen.")
r("z18.md","2026-02-05","Emmen",["Emmen","Assen","Hoogeveen","Coevorden","Kampen","Heerenveen"],[],
 {"Gea Wolters":["Gea Wolters"],"Kerem Aydın":["Kerem Aydın"],"Dewi Assen-Kuipers":["Dewi Assen-Kuipers","Assen-Kuipers"]},
 ["wonen-leefomgeving"],["sociaal-domein"],
 "Newspaper item, byline Sanne Lubbers (not a speaker). Date '5 februari' with year only in 'de eerste kennis- en netwerkdag van 2026'. 'statushouders huisvesten' = housing. Double-barrelled surname Assen-Kuipers (works for Hoogeveen; Assen is also present). Turkish name with dotless ı. Minister only sent a video message; former wethouder Bouwe Arentsen thanked; COA and 'het Rijk' organisations.")
json.dump(G,open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "gold.json"),"w"),ensure_ascii=False,indent=1)
