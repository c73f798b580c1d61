import json
Q=[
("q01","lege winkelpanden in de binnenstad",{},{"y01":2,"y11":2,"y18":2},"city-centre vacancy; y18 culture filling empty shops; y08 leegstaande bedrijfspanden is about crime, not city centre"),
("q02","how do mid-size cities deal with a shrinking and ageing population?",{},{"y04":2,"y07":2,"y16":2},"English question; krimp/vergrijzing/ontgroening"),
("q03","statushouders huisvesten",{},{"y02":2},"phrase; housing refugees"),
("q04","Marieke Oosterhuis",{"speaker":"Marieke Oosterhuis"},{"y01":2,"y02":2,"y07":2,"y08":2,"y10":2,"y03":1,"y14":1},"speaker filter; 1 where she only led a session/moderated"),
("q05","warmtetransitie en netcongestie",{},{"y05":2,"y14":1},"energy transition; y14 has a grid congestion workshop"),
("q06","kennisdag Sudwest Fryslan Sneek",{},{"y07":2},"place without accents; y10 only has online participants from Súdwest-Fryslân"),
("q07","ondermijning",{},{"y08":2,"y11":1},"y11: part of the day about criminal tenants in empty shops (RIEC)"),
("q08","jongern met een uitkering aan het werk",{},{"y13":2,"y06":1},"typo 'jongern'; y06 young graduates and labour market"),
("q09","mobiliteit",{"theme":"mobiliteit","from":"2015-01-01"},{"y03":2,"y14":2,"y10":1},"theme+date filter"),
("q10","grensoverschrijdende samenwerking met Duitsland",{},{"y10":2,"y04":1,"y08":1},"y04 compares with Emsland; y08 look-back item on Heerlen-Aken"),
("q11","bezuinigingen en de drie decentralisaties",{"from":"2010-01-01","to":"2012-12-31"},{"y09":2},"date filter"),
("q12","digital resilience after a ransomware attack",{},{"y08":2,"y03":1},"English; y03 session on digital services and privacy"),
("q13","wat nam Zeist mee van de netwerkdagen?",{"municipality":"Zeist"},{"y02":2,"y01":1,"y08":1,"y09":1,"y12":1,"y13":1,"y14":1,"y16":1,"y17":1},"municipality filter; y02 is Zeist's own memo"),
("q14","woningbouwprogrammering voor ouderen",{},{"y16":2,"y04":1,"y07":1},"compound; senior housing"),
("q15","Hamza Yilmaz",{"speaker":"Hamza Yilmaz"},{"y12":2,"y10":1},"speaker; in y12 also 'de heer Yilmaz'"),
("q16","cultuur en onderwijs in de binnenstad",{"municipality":"Weert","theme":"onderwijs-cultuur"},{"y18":2},"filters municipality+theme; other Weert reports lack the theme"),
]
json.dump([{"id":i,"q":q,"filters":f,"relevant":r,"note":n} for i,q,f,r,n in Q],open("queries.json","w"),ensure_ascii=False,indent=1)
