#!/usr/bin/env python3
"""Writes assets/timelines/netflix-facebook.citeline.json from the events below and the
byte-for-byte source texts in assets/sources/. The texts are inlined so that the shipped
timeline is self-contained and needs no path outside its own folder; a test keeps them equal
to the files. Run from the repository root after editing an event."""
import json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
src = root / "assets" / "sources"
ES, IT = "es-netflix-meta-mensajes-privados.txt", "it-netflix-100-milioni-messaggi-facebook.txt"
REPORTS_NOTE_ES = ("The two articles disagree on who sent the two-weekly reports: this one says Facebook sent them to "
                   "Netflix; the Italian article, quoting the filing, says Netflix provided them to Facebook.")
REPORTS_NOTE_IT = ("Quoting the filing: Netflix provided the two-weekly report to Facebook. The Spanish article says "
                   "the reverse (Facebook sent reports to Netflix).")

timeline = {
    "title": "Netflix and Facebook: the “special relationship” in a US antitrust filing",
    "description": ("What a US antitrust suit against Meta says about Netflix's access to Facebook users' data, "
                    "as reported by a Spanish and an Italian news article."),
    "sources": [
        {"id": "es-article", "title": "¿Netflix pagaba cientos de millones a Meta por mensajes privados de usuarios?",
         "publisher": "Spanish-language news site (citing Infobae and Fox Business)", "language": "es",
         "text": (src / ES).read_text(encoding="utf-8")},
        {"id": "it-article", "title": "Netflix ha pagato 100 milioni di dollari per accedere ai messaggi privati di Facebook",
         "publisher": "Italian news blog (posted by admin_beready; image credit Forbes)", "language": "it",
         "text": (src / IT).read_text(encoding="utf-8")},
    ],
    "events": [
        {"id": "integration-2011", "title": "Netflix announces a Facebook integration to share users’ data internationally",
         "when": "2011",
         "summary": "Per the filing, Netflix also lobbied Congress to allow such data sharing in the United States.",
         "tags": ["data-sharing", "lobbying"],
         "citations": [
             {"source": "it-article", "quote": "Secondo il documento, nel 2011 la piattaforma di streaming ha annunciato un’integrazione con Facebook per condividere i dati degli utenti a livello internazionale."},
             {"source": "it-article", "quote": "Inoltre, secondo il documento, Netflix ha iniziato a fare pressioni al Congresso per permettere tale condivisione di dati negli Stati Uniti."},
         ]},
        {"id": "extended-api", "title": "“Facebook Extended API” deals, including the “Inbox API”",
         "when": "../2013", "display_date": "By 2013",
         "summary": ("Netflix gets programmatic access to Facebook users’ private message inboxes, in exchange for a "
                     "written report every two weeks on recommendations sent and clicks received."),
         "tags": ["api", "private-messages"],
         "citations": [
             {"source": "it-article", "quote": "Entro il 2013, Netflix aveva iniziato a stipulare una serie di accordi denominati ‘Facebook Extended API’, tra cui un cosiddetto accordo ‘Inbox API’ che consentiva a Netflix l’accesso programmatico alle caselle di posta dei messaggi privati degli utenti di Facebook, in cambio del quale Netflix avrebbe ‘fornito a FB un rapporto scritto ogni due settimane",
              "note": REPORTS_NOTE_IT},
             {"source": "es-article", "quote": "Asimismo, el informe especifica qué Netflix estaba autorizado a acceder a los mensajes privados de los usuarios de Facebook."},
             {"source": "es-article", "quote": "En ese sentido, la red social enviaba informes cada dos semanas a la aplicación de streaming a cambio de una cuantiosa inversión.",
              "note": REPORTS_NOTE_ES},
         ]},
        {"id": "titan-api", "title": "Facebook gives Netflix access to the private “Titan API”",
         "when": "2013-08",
         "summary": "A private API that let an authorised partner reach, among other things, users’ messaging app and non-app friends.",
         "tags": ["api", "private-messages"],
         "citations": [
             {"source": "it-article", "quote": "Nell’agosto 2013, Facebook ha fornito a Netflix l’accesso al cosiddetto “Titan API”, un’API privata che consentiva a un partner autorizzato di accedere, tra le altre cose, all’applicazione di messaggistica degli utenti di Facebook e agli amici non app della piattaforma"},
             {"source": "es-article", "quote": "recibió acceso personalizado a las API privadas de Facebook",
              "note": "Quoting the filing in general terms: it names neither the Titan API nor a date."},
         ]},
        {"id": "hastings-board", "title": "Reed Hastings sits on Facebook’s board and directs the relationship",
         "when": "2011/2019", "display_date": "2011 – 2019",
         "summary": "Netflix’s then CEO is a member of Facebook’s board and personally directs the relationship between the companies.",
         "tags": ["governance"],
         "citations": [
             {"source": "it-article", "quote": "dal 2011 al 2019, il CEO di allora di Netflix, Hastings, è stato membro del consiglio di amministrazione di Facebook e ha personalmente diretto la relazione tra le aziende"},
         ]},
        {"id": "ad-spend-2019", "title": "Netflix’s ad spend on Facebook reaches about $150 million a year",
         "when": "2019-01~/2019-03~", "display_date": "Early 2019",
         "tags": ["advertising"],
         "citations": [
             {"source": "it-article", "quote": "Secondo il rapporto, la spesa pubblicitaria su Facebook ha raggiunto circa 150 milioni di dollari all’anno entro l’inizio del 2019."},
             {"source": "it-article", "quote": "Inoltre, il rapporto afferma che la piattaforma di streaming video ha aumentato le sue spese pubblicitarie su Facebook."},
         ]},
        {"id": "special-relationship", "title": "An almost decade-long “special relationship”",
         "when": "2011~/2019~", "display_date": "Almost a decade, c. 2011 – 2019",
         "summary": ("Both articles quote the filing: “almost a decade”. The ends are not stated; they are approximated "
                     "from the 2011 integration and Hastings’s board seat (2011–2019)."),
         "tags": ["relationship"],
         "citations": [
             {"source": "es-article", "quote": "Durante casi una década, Netflix y Facebook disfrutaron de una relación especial."},
             {"source": "es-article", "quote": "Una demanda iniciada por ciudadanos estadounidenses en contra de las prácticas de monopolio en las redes sociales reveló que Meta, empresa propietaria de Facebook, habría mantenido una relación especial con Netflix para entregarle los mensajes privados de usuarios por casi diez años con el objetivo de optimizar sus anuncios."},
             {"source": "it-article", "quote": "Secondo i documenti della corte, le due aziende hanno goduto di una stretta relazione “per quasi un decennio”."},
         ]},
        {"id": "ads-hundreds-of-millions", "title": "Netflix spends hundreds of millions of dollars on Facebook ads",
         "summary": "The articles give no date for the total; the Italian one puts it at over $100 million.",
         "tags": ["advertising"],
         "citations": [
             {"source": "es-article", "quote": "Netflix gastó cientos de millones de dólares en anuncios de Facebook"},
             {"source": "es-article", "quote": "dieron a conocer que Facebook obtuvo millones de dólares de Netflix por conceptos de ingresos por publicidad."},
             {"source": "it-article", "quote": "Inoltre, la piattaforma di streaming video avrebbe pagato oltre 100 milioni di dollari a Facebook.",
              "note": "“Over 100 million dollars”, against the Spanish article’s “hundreds of millions”."},
         ]},
        {"id": "messages-for-viewing-history", "title": "Private messages in exchange for viewing history",
         "tags": ["private-messages", "data-sharing"],
         "citations": [
             {"source": "it-article", "quote": "Secondo il documento, Facebook ha concesso l’accesso ai messaggi privati degli utenti in cambio della loro cronologia di visione."},
         ]},
        {"id": "meta-denial", "title": "Meta denies sharing people’s private messages with Netflix",
         "summary": "A Meta spokesperson to Fox Business: the deal let people message friends about what they watched on Netflix, from the Netflix app.",
         "tags": ["denial"],
         "citations": [
             {"source": "es-article", "quote": "un portavoz de Meta aseguró a Fox Business que “Meta no compartió los mensajes privados de las personas con Netflix”"},
             {"source": "es-article", "quote": "Este tipo de acuerdos son comunes en la industria."},
         ]},
    ],
}
out = root / "assets" / "timelines" / "netflix-facebook.citeline.json"
out.write_text(json.dumps(timeline, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(out)
