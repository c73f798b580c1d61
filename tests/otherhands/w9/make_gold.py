import json
G=[]
def add(f,date,host,mun,opt,sp,themes,topt,notes):
    G.append({"file":f,"date":date,"host":host,"municipalities":mun,"municipalities_optional":opt,
              "speakers":list(sp.keys()),"speaker_forms":sp,"themes":themes,"themes_optional":topt,"notes":notes})
add("v01.md","2011-09-22","Vlissingen",["Vlissingen","Goes","Terneuzen","Den Helder","Hoorn","Emmen"],[],
 {"Marijke Dregmans":["Marijke Dregmans"],"Hendrik Zwemer":["dr. Hendrik Zwemer"],"Jan-Willem Bosch":["Jan-Willem Bosch"],"Ilse de Kraker":["Ilse de Kraker","De Kraker"]},
 ["demografie","economie-arbeidsmarkt"],["regionale-samenwerking","onderwijs-cultuur"],
 "Flemish visitor (Belgian Dutch: schepen, werkwinkels, namiddag). YAML datum = publication date 2011-10-03, event 22 Sept. Host named via venue (Arsenaalzaal, Boulevard, Westerschelde) and 'gastgemeente'; Vlissingen in title. Kampen excused at last moment = not participant. Bosch = place-name surname (speaker from Zeeland Seaports, not a municipality). Flemish cities (Brugge, Oostende, Gent, Leuven, Kortrijk, Roeselare) are comparisons only. 'krimp' = demografie without the word.")
add("v02.md","2019-03-15","Heerlen",["Heerlen","Venlo","Roermond","Sittard-Geleen","Emmen","Den Helder"],["Genk"],
 {"Roel Lindeman":["Roel Lindeman"],"Wim Stassen":["Prof. dr. Wim Stassen","Stassen"],"Mieke van Weert":["Mieke van Weert","Van Weert"]},
 ["demografie","binnenstad","wonen-leefomgeving"],["economie-arbeidsmarkt"],
 "Flemish visitor from Genk (Belgian municipality: optional). Host via venue Glaspaleis and 'Parkstad'. Van Weert = place-name surname, explicitly not from Weert; 'Weert' does not take part. Toon Aerts (VVSG) ill = not speaker. VNG = organisation. 'lege winkelpanden' = binnenstad; 'krimp' = demografie. Hasselt/Eindhoven mentions only.")
add("v03.md","2020-11-26","Deventer",["Deventer","Purmerend","Oss","Veenendaal","Hoorn","Helmond","Assen"],[],
 {"Ruben Hartsuiker":["Ruben Hartsuiker","Hartsuiker"],"Annemiek Roeleveld":["Annemiek Roeleveld"],"Yvonne Mulder":["Yvonne Mulder"]},
 ["digitalisering","binnenstad"],[],
 "Forum thread; online meeting organised by Deventer. Date as 'afgelopen donderdag (26 november)', posts dated 28-30 Nov. Forum posters (Femke Oudshoorn, Daan Verbeek, Sanne Bosman, Gerrit-Jan Ede) are not speakers. Gerrit-Jan Ede: place-name surname, ex-Zwolle, now provincie, only watched: Zwolle not a participant. Wethouder Tom Kappert announced but absent; Yvonne Mulder opened instead. Gorinchem afgemeld. Zutphen, Assen as examples (Assen also participated). 'lege winkelpanden' = binnenstad.")
add("v04.md","2024-05-17","Súdwest-Fryslân",["Súdwest-Fryslân","Smallingerland","Heerenveen","Emmen","Assen","Kampen","Den Helder"],[],
 {"Sjoerd Hoekstra":["Sjoerd Hoekstra","Hoekstra"],"Anke Vellinga":["Anke Vellinga","Vellinga"],"Tjitske Zandstra":["Tjitske Zandstra","Zandstra"]},
 ["duurzaamheid-energie"],["economie-arbeidsmarkt"],
 "Forum thread with YAML ISO date-time 2024-05-21 (post date). Event as 'Vorige week vrijdag, 17 mei'; host only 'stadhuis van Sneek' (Sneek in Súdwest-Fryslân since 2011), confirmed by 'namens de gastgemeente' poster from Súdwest-Fryslân. IJlst = village. Next date 4 oktober in Assen. Roel Kampen = place-name surname poster (from Emmen). Netbeheer Nederland = organisation. Frisian names. Posters are not speakers.")
add("v05.md","2008-06-13","Hengelo",["Hengelo","Almelo","Deventer","Helmond","Oss","Veenendaal","Kampen","Emmen"],[],
 {"Bert Nijhuis":["Bert Nijhuis"],"Marten Kuipers":["Ir. Marten Kuipers","Kuipers"],"Hanneke Bosch":["Hanneke Bosch"],"Jeroen van Gorcum":["Jeroen van Gorcum"],"Ellen Tijhuis":["Ellen Tijhuis"]},
 ["economie-arbeidsmarkt","onderwijs-cultuur"],[],
 "Plain report with long 'Met dank aan' list: A.J. Schouten (initials only, mayor), Gerda Wessels, Frank ter Horst, Johan Bosch (same surname as speaker Hanneke Bosch), Ineke Lammertink, 'mevrouw Van Oss' (place-name surname; Oss is also a participant), Harm Veldkamp (absent) - none are speakers. Van Gorcum = place-name surname (works for Almelo). Enschede only mentioned as university location.")
add("v06.md","2016-09-30","Zeist",["Zeist","Nieuwegein","Gouda","Amersfoort","Veenendaal","Leidschendam-Voorburg","Pijnacker-Nootdorp"],[],
 {"Dirk Koster":["Dirk Koster"],"Saskia Overmars":["Saskia Overmars","Overmars"],"Lotte Brinkman":["Lotte Brinkman"],"Youssef El Amrani":["Youssef El Amrani"],"Peter de Hoorn":["Peter de Hoorn","De Hoorn"]},
 ["economie-arbeidsmarkt","sociaal-domein"],[],
 "Host only via village/venue (Altrecht terrain in Den Dolder, part of Zeist); 'gemeente Zeist' only in thanks list. Theme unnamed: 'jongeren met een uitkering'. Peter de Hoorn = place-name surname, from Amersfoort, born in Vlissingen (Vlissingen not participant). Thanks list: mayor Koos Wolters absent (video message: not counted as speaker), Henk van Ede (place-name surname), Bas Mulder, Ria Hofman - not speakers. Divosa, KvK, Stichting Jongerenwerk Zeist = organisations.")
add("v07.md","2012-11-16","Emmen",["Emmen","Assen","Hoogeveen","Coevorden","Helmond","Deventer","Oss"],[],
 {"Cees Brouwer":["Cees Brouwer"],"Marloes Akkerman":["Drs. Marloes Akkerman"],"Karin Wubbels":["Karin Wubbels","Wubbels"],"Erik Lambregts":["Erik Lambregts"]},
 ["sociaal-domein"],["bestuur-financien"],
 "Invitation to next day (Oss, 12 April 2013; registration deadline 29 March 2013) with look-back on Emmen 16 Nov 2012. Gold = the day that actually took place (Emmen). Announced speakers for Oss (Thijs van der Heijden, Annemiek Roeleveld) are NOT speakers here. Oss next theme (regional economy) not a theme of this gold. Decentralisaties jeugdzorg/AWBZ/Participatiewet = sociaal-domein without the word. Verwey-Jonker Instituut = organisation.")
add("v08.md","2022-10-07","Assen",["Assen","Emmen","Kampen","Hoogeveen","Smallingerland","Den Helder","Nieuwegein","Zeist"],[],
 {"Harmen Kuipers":["Harmen Kuipers"],"Lisa Hoorn":["Lisa Hoorn","Hoorn"],"Dennis Veldman":["Dennis Veldman"],"Linda Boerema":["L. Boerema","Boerema"]},
 ["wonen-leefomgeving"],[],
 "Invitation to Weert 24 March 2023 (theme veiligheid - NOT this gold) with look-back on hybrid Assen day 7 Oct 2022. YAML publicatiedatum 2023-01-16 and locatie: Weert (the NEXT host) are traps. Announced mayor Ria Vonken is not a speaker. Lisa Hoorn = place-name surname (ABF Research), 'Hoorn liet' second mention; Hoorn the municipality did not take part. Boerema: initial 'L.' then first name 'Linda' separately. 'statushouders huisvesten' = wonen. Harmen Kuipers differs from Marten Kuipers (v05).")
add("v09.md","2025-11-14","Kampen",["Kampen","Deventer","Emmen","Hengelo","Assen","Oss","Vlissingen"],[],
 {"Jorien Schutte":["Jorien Schutte"],"Evert Kamphuis":["Evert Kamphuis","Kamphuis"],"Reinier Drenth":["Reinier Drenth"]},
 ["bestuur-financien"],["regionale-samenwerking"],
 "Invitation to Goes 17 April 2026 (deadline 1 April) with look-back on Kampen 14 Nov 2025. Announced Goes speakers (Ilse de Kraker, Hendrik Zwemer) not speakers here; Goes not a participant. Mayor Sander Oldenhof named as welcomer but corrected: wethouder Jorien Schutte did it. 'ravijnjaar 2026' = date distractor and bestuur-financien theme. VNG = organisation.")
add("v10.md","2014-04-11","Den Helder",["Den Helder","Hollands Kroon","Hoorn","Heerhugowaard","Purmerend","Vlissingen","Emmen","Heerlen"],["Helmond","Ede"],
 {"Pieter Kaag":["Pieter Kaag","Kaag"],"Hendrik Zwemer":["Hendrik Zwemer","Zwemer"],"Marit Spaans":["Marit Spaans"],"Jasper van Hoogeveen":["Jasper van Hoogeveen"]},
 ["demografie"],["wonen-leefomgeving","regionale-samenwerking"],
 "Board memo (2 May 2014, decision 12 May) referring to Helmond 7 June 2013, Purmerend 22 Nov 2013 and in detail Den Helder 11 April 2014; decides next day Ede 21 Nov 2014. Gold = Den Helder (the day evaluated in detail). Helmond/Ede optional (other days). Venue Willemsoord. Mayor absent; wethouder opened. Delfzijl only compared. Van Hoogeveen = place-name surname, works for Hollands Kroon (not Hoogeveen). Secretary R. Pronk not speaker. 'krimp' = demografie.")
add("v11.md","2021-02-05","Alphen aan den Rijn",["Alphen aan den Rijn","Gouda","Deventer","Zeist","Nieuwegein","Roosendaal","Weert","Súdwest-Fryslân"],[],
 {"Gerdien Smits":["Gerdien Smits"],"Thomas Brink":["Thomas Brink","Brink"],"Noor El Idrissi":["Noor El Idrissi"],"Ruben Hartsuiker":["Ruben Hartsuiker"]},
 ["digitalisering"],["economie-arbeidsmarkt"],
 "Board memo (22 March 2021) about online days: Oss 3 April 2020 cancelled, Deventer 26 Nov 2020, detailed Alphen aan den Rijn 5 Feb 2021 (online, livestream from raadszaal); decides Nieuwegein 1 Oct 2021. Gold = Alphen day. Memo author Lieke van Gorcum (place-name surname) not a speaker. VNG Realisatie = organisation. Ruben Hartsuiker also in v03.")
add("v12.md","2010-10-14","Venlo",["Venlo","Venray","Roermond","Weert","Helmond","Heerlen","Oss"],[],
 {"Frans Gielen":["Frans Gielen"],"Karin Janssen-Peeters":["Dr. Karin Janssen-Peeters","Janssen-Peeters"],"M. Hendrix":["M. Hendrix"],"Jan-Pieter de Wit":["J.P. de Wit","Jan-Pieter de Wit"]},
 ["regionale-samenwerking","mobiliteit"],["economie-arbeidsmarkt"],
 "Formal evaluation with chapters and footnotes; YAML date = publication 2010-12-01. Two-day event 14-15 Oct 2010 (first day = gold). Venue former town hall of Arcen; Arcen en Velden merged into Venlo on 1 Jan 2010 -> host Venlo (footnote). Announced mayor absent (footnote 3). 'Mr. J.P. de Wit' initials then full name. M. Hendrix only initial. Gennep registered but absent. Survey dates 20 Oct / 5 Nov distractors. Euregio, Openbaar Lichaam = organisations.")
add("v13.md","2018-03-16","Meierijstad",["Meierijstad","Oss","Helmond","Roosendaal","Etten-Leur","Oosterhout","Waalwijk","Weert","Gorinchem"],[],
 {"Marieke Vossen":["Burgemeester Marieke Vossen"],"Yvonne Maas":["dr. Yvonne Maas","Maas"],"Frank Helmink":["Frank Helmink"],"Saskia van Oss":["Saskia van Oss"],"Thijs van der Heijden":["Thijs van der Heijden"]},
 ["bestuur-financien","regionale-samenwerking"],["economie-arbeidsmarkt"],
 "Formal evaluation with numbered chapters and footnotes. Host named only by venue in Veghel (merged into Meierijstad 1 Jan 2017; footnote names Meierijstad). Announced prof. Bas Verhoeven absent: not speaker. Saskia van Oss = place-name surname, works at BZK (not Oss); Oss does participate via Thijs van der Heijden. Next day Zeist: not participant. Survey date 19 March distractor.")
add("v14.md","2025-09-26","Smallingerland",["Smallingerland","Leeuwarden","Heerenveen","Súdwest-Fryslân","Assen","Emmen","Hoogeveen"],[],
 {"Sybren Postma":["Sybren Postma"],"Gerbrich Terpstra":["ir. Gerbrich Terpstra","Terpstra"],"Hendrik Mulder":["Hendrik Mulder","Mulder"],"Ilona Harlingen":["Ilona Harlingen"],"Jorrit de Boer":["Jorrit de Boer"]},
 ["mobiliteit","veiligheid"],[],
 "Formal evaluation; YAML datum is an ISO date-time of publication (2025-10-15). Host only as Drachten / De Lawei; footnote says Smallingerland. Ilona Harlingen = place-name surname, works for Leeuwarden (Harlingen not a participant). Dates 2003, 2026, 2030 distractors; proposal Weert spring 2026 (Weert not participant). Fietsersbond, Provincie Fryslân, politie = organisations. Frisian names.")
add("v15.md","2009-05-15","Oosterhout",["Oosterhout","Breda","Bergen op Zoom","Etten-Leur","Waalwijk","Gorinchem","Roosendaal"],[],
 {"Anton van Oers":["Van Oers","Anton van Oers"],"Hilde Moerdijk":["Hilde Moerdijk"],"Gijs Damen":["Gijs Damen"],"Wim Verhagen":["Wim Verhagen"]},
 ["veiligheid"],[],
 "Committee minutes (Roosendaal, 19 May 2009); event only as 'afgelopen vrijdag' -> 15 May 2009 (inferred); next meeting 16 June 2009 distractor. Alderman reports orally and was himself a workshop speaker; full name only late. Hilde Moerdijk = place-name surname (Moerdijk is a municipality, not participant). Committee members are not speakers. CCV, politie = organisations.")
add("v16.md","2023-06-09","Dijk en Waard",["Dijk en Waard","Purmerend","Hoorn","Alkmaar","Den Helder","Zeist","Veenendaal","Nieuwegein"],[],
 {"Margriet Steenbergen":["Margriet Steenbergen","Steenbergen"],"Bram Zwaan":["Bram Zwaan"],"Annemiek Roeleveld":["Annemiek Roeleveld"],"Jasper van Hoogeveen":["Jasper van Hoogeveen"]},
 ["wonen-leefomgeving"],["sociaal-domein"],
 "Committee minutes Nieuwegein 15 June 2023; event 'vrijdag 9 juni jl.' in the stadhuis van Heerhugowaard, which merged with Langedijk into Dijk en Waard on 1 Jan 2022 -> host Dijk en Waard. Steenbergen = place-name surname (alderman of Nieuwegein, panel speaker). Van Hoogeveen now at Purmerend (was Hollands Kroon in v10). Committee members Van der Hoorn, Pijnacker (place-name surnames) are not speakers. 'statushouders' = wonen. Deadline 1 Oct 2023 distractor.")
add("v17.md","2012-10-05","Hoorn",["Hoorn","Emmen","Den Helder","Purmerend","Kampen","Smallingerland","Venlo"],[],
 {"Kees van Hoorn":["Kees van Hoorn"],"Eline Sanders":["dr. Eline Sanders"],"Joke Dekema":["Joke Dekema","Dekema"],"Hennie Jansen":["Wethouder Jansen","Hennie Jansen"]},
 ["onderwijs-cultuur","demografie"],[],
 "Committee minutes Emmen 10 Oct 2012; 'afgelopen vrijdag' with the date 5 oktober given later in Q&A; IHP 2013 distractor. Kees van Hoorn = place-name surname and host alderman of Hoorn ('geen familie van de stad'). Reporting alderman Jansen also led a workshop: speaker; full name only once. SCP = organisation. 'dalende leerlingenaantallen', 'minder jongeren' = demografie without the word.")
add("v18.md","2026-05-29","Ede",["Ede","Veenendaal","Wageningen","Barneveld","Hoorn","Deventer","Zeist","Amersfoort","Súdwest-Fryslân","Weert","Vlissingen"],[],
 {"Leon Ede":["Leon Ede"],"Tjitske Zandstra":["Tjitske Zandstra"],"Ruud Vermeulen":["Ruud Vermeulen"],"Femke Oudshoorn":["Femke Oudshoorn"],"Geert-Jan Rietveld":["Geert-Jan Rietveld"],"Lisa Hoorn":["Lisa Hoorn"]},
 ["duurzaamheid-energie"],["wonen-leefomgeving"],
 "Plain report with YAML date 2026-06-04 (publication) and long 'Met dank aan' list: mayor René Verhoef, Anouk Bosch, Erik de Bilt, Tim Helder, Willem Harderwijk, Hanna Kroes (absent day chair) - place-name surnames, not speakers. Harderwijk replaced the day chair: debatable, excluded from speakers. Leon Ede = place-name surname AND host alderman. Hybrid: Weert and Vlissingen online. Zandstra's 2024 Sneek talk = distractor date. Lisa Hoorn (ABF) vs Hoorn the municipality (Femke Oudshoorn).")
json.dump(G,open("gold.json","w"),ensure_ascii=False,indent=1)
