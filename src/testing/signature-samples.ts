import type { CountryCode } from 'libphonenumber-js';
import type { ProposalKey } from '@/paste/contact-proposal.ts';

/**
 * Real-looking email signatures, profiles and vCards, written for these tests (names, numbers and
 * domains are made up; the numbers are valid in their countries' plans), with what the reader must
 * propose from each: every value of every key, in order. A key left out must propose nothing.
 */
export interface SignatureSample {
  title: string;
  /** The rep's country, numbers without a country code are read in. */
  country?: CountryCode;
  text: string;
  expected: Partial<Record<ProposalKey, string[]>>;
  /** Keys whose (first) value must carry a doubt, so it starts unticked. */
  doubtful?: ProposalKey[];
}

export const SIGNATURE_SAMPLES: SignatureSample[] = [
  {
    title: 'English, pipes between title and company, labelled phones',
    country: 'GB',
    text: `Kind regards,

Oliver Bennett
Senior Account Manager | Northwind Trading Ltd
T: +44 20 7946 0958 | M: 07911 123456
oliver.bennett@northwind-trading.example
www.northwind-trading.example`,
    expected: {
      name: ['Oliver Bennett'],
      email: ['oliver.bennett@northwind-trading.example'],
      phone: ['+44 20 7946 0958', '+44 7911 123456'],
      jobTitle: ['Senior Account Manager'],
      organization: ['Northwind Trading Ltd'],
      website: ['www.northwind-trading.example'],
    },
  },
  {
    title: 'English (US), "Title, Company", a street address over two lines',
    country: 'US',
    text: `Thanks,
Megan O'Connor
VP of Sales, Initech Inc.
500 Market Street, Suite 200
San Francisco, CA 94105
Office (415) 555-0132
Cell: +1 415 555 0187
megan.oconnor@initech.example`,
    expected: {
      name: ["Megan O'Connor"],
      email: ['megan.oconnor@initech.example'],
      phone: ['+1 415 555 0132', '+1 415 555 0187'],
      jobTitle: ['VP of Sales'],
      organization: ['Initech Inc.'],
      address: ['500 Market Street, Suite 200, San Francisco, CA 94105'],
    },
  },
  {
    title: 'German, Dr. title, GmbH & Co. KG, address with country, fax left out',
    country: 'DE',
    text: `Mit freundlichen Grüßen
Dr. Jonas Weber
Vertriebsleiter
Müller Maschinenbau GmbH & Co. KG
Industriestr. 5
70565 Stuttgart
Deutschland
T: +49 711 1234567
F: +49 711 1234568
E: j.weber@mueller-maschinenbau.example`,
    expected: {
      name: ['Jonas Weber'],
      email: ['j.weber@mueller-maschinenbau.example'],
      phone: ['+49 711 1234567'],
      jobTitle: ['Vertriebsleiter'],
      organization: ['Müller Maschinenbau GmbH & Co. KG'],
      address: ['Industriestr. 5, 70565 Stuttgart, Deutschland'],
    },
  },
  {
    title: 'German, "Tel./Mob." on one line with pipes, national mobile',
    country: 'DE',
    text: `Viele Grüße

Anna Schmidt
Head of Sales | Globex GmbH
Tel. +49 30 1234567 | Mob. 0171 2345678
anna.schmidt@globex.example
www.globex.example
Friedrichstraße 123, 10117 Berlin`,
    expected: {
      name: ['Anna Schmidt'],
      email: ['anna.schmidt@globex.example'],
      phone: ['+49 30 1234567', '+49 171 2345678'],
      jobTitle: ['Head of Sales'],
      organization: ['Globex GmbH'],
      website: ['www.globex.example'],
      address: ['Friedrichstraße 123, 10117 Berlin'],
    },
  },
  {
    title: 'German, "Title bei Company", Handy and Telefon labels',
    country: 'DE',
    text: `Beste Grüße
Lena Hoffmann
Einkäuferin bei Bäckerei Krause GmbH
Telefon: 089 12345678
Handy: +49 160 1234567
lena.hoffmann@krause-backwaren.example`,
    expected: {
      name: ['Lena Hoffmann'],
      email: ['lena.hoffmann@krause-backwaren.example'],
      phone: ['+49 89 12345678', '+49 160 1234567'],
      jobTitle: ['Einkäuferin'],
      organization: ['Bäckerei Krause GmbH'],
    },
  },
  {
    title: 'Austrian, middle dots between parts',
    country: 'AT',
    text: `Liebe Grüße
Stefan Gruber · Geschäftsführer · Alpenblick Software GmbH
Mariahilfer Straße 45 · 1060 Wien
+43 1 5123456 · stefan.gruber@alpenblick.example`,
    expected: {
      name: ['Stefan Gruber'],
      email: ['stefan.gruber@alpenblick.example'],
      phone: ['+43 1 5123456'],
      jobTitle: ['Geschäftsführer'],
      organization: ['Alpenblick Software GmbH'],
      address: ['Mariahilfer Straße 45, 1060 Wien'],
    },
  },
  {
    title: 'Swiss, website with https and a path',
    country: 'CH',
    text: `Freundliche Grüsse
Marco Meier
Leiter Verkauf
Helvetia Präzision AG
Bahnhofstrasse 10, 8001 Zürich
Direkt +41 44 123 45 67
https://www.helvetia-praezision.example/kontakt
marco.meier@helvetia-praezision.example`,
    expected: {
      name: ['Marco Meier'],
      email: ['marco.meier@helvetia-praezision.example'],
      phone: ['+41 44 123 45 67'],
      jobTitle: ['Leiter Verkauf'],
      organization: ['Helvetia Präzision AG'],
      website: ['https://www.helvetia-praezision.example/kontakt'],
      address: ['Bahnhofstrasse 10, 8001 Zürich'],
    },
  },
  {
    title: 'French, "chez", Tél and Portable on one line',
    country: 'FR',
    text: `Cordialement,
Camille Dubois
Directrice commerciale chez Dupont SA
Tél : 01 42 68 53 00 · Portable : +33 6 12 34 56 78
camille.dubois@dupont.example
12 rue de la Paix, 75002 Paris`,
    expected: {
      name: ['Camille Dubois'],
      email: ['camille.dubois@dupont.example'],
      phone: ['+33 1 42 68 53 00', '+33 6 12 34 56 78'],
      jobTitle: ['Directrice commerciale'],
      organization: ['Dupont SA'],
      address: ['12 rue de la Paix, 75002 Paris'],
    },
  },
  {
    title: 'French, SARL, Mme before the name',
    country: 'FR',
    text: `Bien à vous,
Mme Sophie Laurent
Responsable des achats
Boulangerie Laurent SARL
45 avenue Jean Jaurès
69007 Lyon
France
sophie@boulangerie-laurent.example`,
    expected: {
      name: ['Sophie Laurent'],
      email: ['sophie@boulangerie-laurent.example'],
      jobTitle: ['Responsable des achats'],
      organization: ['Boulangerie Laurent SARL'],
      address: ['45 avenue Jean Jaurès, 69007 Lyon, France'],
    },
  },
  {
    title: 'Belgian French, Tél. with +32',
    country: 'BE',
    text: `Salutations,
Thomas Peeters
Ingénieur commercial
Brabant Logistique SA
Tél. +32 2 123 45 67
thomas.peeters@brabant-logistique.example`,
    expected: {
      name: ['Thomas Peeters'],
      email: ['thomas.peeters@brabant-logistique.example'],
      phone: ['+32 2 123 45 67'],
      jobTitle: ['Ingénieur commercial'],
      organization: ['Brabant Logistique SA'],
    },
  },
  {
    title: 'Spanish, "en", Móvil label, Calle address',
    country: 'ES',
    text: `Un saludo,
Lucía Fernández García
Directora de Ventas en Soluciones Iberia S.L.
Móvil: 612 345 678
Tel: +34 912 345 678
lucia.fernandez@solucionesiberia.example
Calle de Alcalá 48, 28014 Madrid`,
    expected: {
      name: ['Lucía Fernández García'],
      email: ['lucia.fernandez@solucionesiberia.example'],
      phone: ['+34 612 34 56 78', '+34 912 34 56 78'],
      jobTitle: ['Directora de Ventas'],
      organization: ['Soluciones Iberia S.L.'],
      address: ['Calle de Alcalá 48, 28014 Madrid'],
    },
  },
  {
    title: 'Spanish (Mexico), Atentamente, pipes',
    country: 'MX',
    text: `Atentamente,
Carlos Ramírez | Gerente Comercial | Grupo Azteca Industrial
+52 55 1234 5678 | carlos.ramirez@azteca-industrial.example`,
    expected: {
      name: ['Carlos Ramírez'],
      email: ['carlos.ramirez@azteca-industrial.example'],
      phone: ['+52 55 1234 5678'],
      jobTitle: ['Gerente Comercial'],
      organization: ['Grupo Azteca Industrial'],
    },
  },
  {
    title: 'Dutch, "bij", postcode with letters',
    country: 'NL',
    text: `Met vriendelijke groet,
Sanne de Vries
Accountmanager bij Van Dijk Installatietechniek B.V.
Keizersgracht 123
1015 CJ Amsterdam
T +31 20 123 4567
M 06 12345678
sanne.devries@vandijk-installatie.example`,
    expected: {
      name: ['Sanne de Vries'],
      email: ['sanne.devries@vandijk-installatie.example'],
      phone: ['+31 20 123 4567', '+31 6 12345678'],
      jobTitle: ['Accountmanager'],
      organization: ['Van Dijk Installatietechniek B.V.'],
      address: ['Keizersgracht 123, 1015 CJ Amsterdam'],
    },
  },
  {
    title: 'Dutch, Mobiel label, BV without dots',
    country: 'NL',
    text: `Groeten,
Pieter Jansen
Verkoper
Jansen Fietsen BV
Mobiel: +31 6 23456789
pieter@jansenfietsen.example`,
    expected: {
      name: ['Pieter Jansen'],
      email: ['pieter@jansenfietsen.example'],
      phone: ['+31 6 23456789'],
      jobTitle: ['Verkoper'],
      organization: ['Jansen Fietsen BV'],
    },
  },
  {
    title: 'Portuguese, Lda., Telemóvel',
    country: 'PT',
    text: `Com os melhores cumprimentos,
João Pereira
Diretor Comercial
Atlântico Exportações Lda.
Rua Augusta 100, 1100-053 Lisboa
Telemóvel: 912 345 678
Telefone: +351 213 456 789
joao.pereira@atlantico-export.example`,
    expected: {
      name: ['João Pereira'],
      email: ['joao.pereira@atlantico-export.example'],
      phone: ['+351 912 345 678', '+351 21 345 6789'],
      jobTitle: ['Diretor Comercial'],
      organization: ['Atlântico Exportações Lda.'],
      address: ['Rua Augusta 100, 1100-053 Lisboa'],
    },
  },
  {
    title: 'Brazilian Portuguese, Atenciosamente, Ltda, Celular',
    country: 'BR',
    text: `Atenciosamente,
Mariana Souza
Gerente de Vendas | Paulista Tecnologia Ltda
Celular: +55 11 91234-5678
mariana.souza@paulistatec.example`,
    expected: {
      name: ['Mariana Souza'],
      email: ['mariana.souza@paulistatec.example'],
      phone: ['+55 11 91234 5678'],
      jobTitle: ['Gerente de Vendas'],
      organization: ['Paulista Tecnologia Ltda'],
    },
  },
  {
    title: 'Swedish, AB, gatan address with "111 22" postcode',
    country: 'SE',
    text: `Med vänliga hälsningar
Erik Lindqvist
Försäljningschef
Nordljus Teknik AB
Drottninggatan 55
111 21 Stockholm
Tfn: 08-123 456 78
Mobil: +46 70 123 45 67
erik.lindqvist@nordljus.example`,
    expected: {
      name: ['Erik Lindqvist'],
      email: ['erik.lindqvist@nordljus.example'],
      phone: ['+46 8 123 456 78', '+46 70 123 45 67'],
      jobTitle: ['Försäljningschef'],
      organization: ['Nordljus Teknik AB'],
      address: ['Drottninggatan 55, 111 21 Stockholm'],
    },
  },
  {
    title: 'Norwegian, AS, Tlf label',
    country: 'NO',
    text: `Med vennlig hilsen
Ingrid Hansen
Salgssjef, Fjordkraft Løsninger AS
Tlf: +47 22 12 34 56
Mobil: 912 34 567
ingrid.hansen@fjordkraft-losninger.example
Karl Johans gate 12, 0154 Oslo`,
    expected: {
      name: ['Ingrid Hansen'],
      email: ['ingrid.hansen@fjordkraft-losninger.example'],
      phone: ['+47 22 12 34 56', '+47 91 23 45 67'],
      jobTitle: ['Salgssjef'],
      organization: ['Fjordkraft Løsninger AS'],
      address: ['Karl Johans gate 12, 0154 Oslo'],
    },
  },
  {
    title: 'Danish, ApS, vej address',
    country: 'DK',
    text: `Venlig hilsen
Mads Nielsen
Konsulent
Øresund Digital ApS
Vesterbrogade 3, 1620 København V
Tlf. +45 32 12 34 56
mads@oresund-digital.example`,
    expected: {
      name: ['Mads Nielsen'],
      email: ['mads@oresund-digital.example'],
      phone: ['+45 32 12 34 56'],
      jobTitle: ['Konsulent'],
      organization: ['Øresund Digital ApS'],
      address: ['Vesterbrogade 3, 1620 København V'],
    },
  },
  {
    title: 'Finnish, Oy, Puh. label, tie address',
    country: 'FI',
    text: `Ystävällisin terveisin
Aino Virtanen
Myyntipäällikkö
Saimaa Systems Oy
Mannerheimintie 12, 00100 Helsinki
Puh. +358 9 1234 5678
aino.virtanen@saimaa-systems.example`,
    expected: {
      name: ['Aino Virtanen'],
      email: ['aino.virtanen@saimaa-systems.example'],
      phone: ['+358 9 12345678'],
      jobTitle: ['Myyntipäällikkö'],
      organization: ['Saimaa Systems Oy'],
      address: ['Mannerheimintie 12, 00100 Helsinki'],
    },
  },
  {
    title: 'Icelandic-style, ehf., phone with country code only',
    text: `Kveðja,
Gunnar Jónsson
Sales Director
Hekla Fisheries ehf.
+354 551 2345
gunnar@hekla-fisheries.example`,
    expected: {
      name: ['Gunnar Jónsson'],
      email: ['gunnar@hekla-fisheries.example'],
      phone: ['+354 551 2345'],
      jobTitle: ['Sales Director'],
      organization: ['Hekla Fisheries ehf.'],
    },
  },
  {
    title: '"Name <email>" alone',
    country: 'US',
    text: 'Ada Lovelace <ada@analytical-engines.example>',
    expected: { name: ['Ada Lovelace'], email: ['ada@analytical-engines.example'] },
  },
  {
    title: '"Last, First" <email> as Outlook writes a sender',
    country: 'US',
    text: '"Babbage, Charles" <charles.babbage@difference-engines.example>',
    expected: { name: ['Charles Babbage'], email: ['charles.babbage@difference-engines.example'] },
  },
  {
    title: 'A forwarded header line: From: Name <email>',
    country: 'GB',
    text: `From: Grace Hopper <grace.hopper@cobol-systems.example>
Sent: Tuesday, 4 March 2025 10:12`,
    expected: { name: ['Grace Hopper'], email: ['grace.hopper@cobol-systems.example'] },
  },
  {
    title: 'LinkedIn profile copied: repeated name, pronouns, degree, headline with "at"',
    country: 'US',
    text: `Jane Doe
Jane Doe
She/Her
· 2nd
Head of Marketing at Initech
San Francisco Bay Area
Contact info
500+ connections`,
    expected: { name: ['Jane Doe'], jobTitle: ['Head of Marketing'], organization: ['Initech'] },
  },
  {
    title: 'LinkedIn contact info copied: labels on their own lines',
    country: 'DE',
    text: `Anna Schmidt
Head of Sales at Globex GmbH
Contact info
Email
anna.schmidt@globex.example
Phone
+49 30 1234567 (Work)
Website
globex.example`,
    expected: {
      name: ['Anna Schmidt'],
      email: ['anna.schmidt@globex.example'],
      phone: ['+49 30 1234567'],
      jobTitle: ['Head of Sales'],
      organization: ['Globex GmbH'],
      website: ['globex.example'],
    },
  },
  {
    title: 'A whole email: the message above the sign-off is not read',
    country: 'GB',
    text: `Hi Maria,

Thanks for the call yesterday. As discussed, our CEO John Miller will join the next meeting.
You can also reach our office manager on +44 20 7946 0000.

Best regards,
Priya Patel
Procurement Lead, Wayne Enterprises Ltd
+44 20 7946 0123
priya.patel@wayne-enterprises.example`,
    expected: {
      name: ['Priya Patel'],
      email: ['priya.patel@wayne-enterprises.example'],
      phone: ['+44 20 7946 0123'],
      jobTitle: ['Procurement Lead'],
      organization: ['Wayne Enterprises Ltd'],
    },
  },
  {
    title: 'Quoted reply: "> " marks and a "-- " delimiter',
    country: 'GB',
    text: `> --
> Tom Baker
> Operations Director
> Gallifrey Logistics Ltd
> tom.baker@gallifrey-logistics.example`,
    expected: {
      name: ['Tom Baker'],
      email: ['tom.baker@gallifrey-logistics.example'],
      jobTitle: ['Operations Director'],
      organization: ['Gallifrey Logistics Ltd'],
    },
  },
  {
    title: 'Two names of the same weight: both shown, each in doubt',
    country: 'GB',
    text: `Sarah Connor | Kyle Reese
sales@cyberdyne.example`,
    expected: { name: ['Sarah Connor', 'Kyle Reese'], email: ['sales@cyberdyne.example'] },
    doubtful: ['name'],
  },
  {
    title: 'A phone without a country code and no country known: shown in doubt',
    text: `Liam Murphy
Tel: 01 234 5678
liam.murphy@shamrock.example`,
    expected: { name: ['Liam Murphy'], email: ['liam.murphy@shamrock.example'], phone: ['01 234 5678'] },
    doubtful: ['phone'],
  },
  {
    title: 'A phone that is no valid number of the rep’s country: shown in doubt',
    country: 'US',
    text: `Noah Williams
Mob. 0171 2345678`,
    expected: { name: ['Noah Williams'], phone: ['0171 2345678'] },
    doubtful: ['phone'],
  },
  {
    title: 'Postcode and a date are not phone numbers',
    country: 'DE',
    text: `Klaus Becker
Kanzlei Becker GmbH
Am Markt 1, 10115 Berlin
Stand: 2024-05-01`,
    expected: {
      name: ['Klaus Becker'],
      organization: ['Kanzlei Becker GmbH'],
      address: ['Am Markt 1, 10115 Berlin'],
    },
  },
  {
    title: 'vCard 3.0 with TYPE parameters, a fax and a folded line',
    country: 'GB',
    text: `BEGIN:VCARD
VERSION:3.0
N:Lovelace;Ada;;;
FN:Ada Lovelace
ORG:Analytical Engines Ltd;Research
TITLE:Chief Mathematician
TEL;TYPE=WORK,VOICE:+44 20 7946 0958
TEL;TYPE=FAX:+44 20 7946 0959
EMAIL;TYPE=INTERNET:ada@analytical-
 engines.example
URL:https://analytical-engines.example
ADR;TYPE=WORK:;;12 St James's Square;London;;SW1Y 4LB;United Kingdom
END:VCARD`,
    expected: {
      name: ['Ada Lovelace'],
      email: ['ada@analytical-engines.example'],
      phone: ['+44 20 7946 0958'],
      jobTitle: ['Chief Mathematician'],
      organization: ['Analytical Engines Ltd'],
      website: ['https://analytical-engines.example'],
      address: ["12 St James's Square, London, SW1Y 4LB, United Kingdom"],
    },
  },
  {
    title: 'vCard 4.0 with tel: URIs and pref parameters, CRLF line ends',
    country: 'US',
    text: [
      'BEGIN:VCARD',
      'VERSION:4.0',
      "FN:Megan O'Connor",
      "N:O'Connor;Megan;;;",
      'TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+1-415-555-0187',
      'TEL;VALUE=uri;TYPE=work:tel:+1-415-555-0132;ext=12',
      'EMAIL;PREF=1:megan.oconnor@initech.example',
      'ORG:Initech Inc.',
      'ROLE:Sales',
      'END:VCARD',
    ].join('\r\n'),
    expected: {
      name: ["Megan O'Connor"],
      email: ['megan.oconnor@initech.example'],
      phone: ['+1 415 555 0187', '+1 415 555 0132 ext. 12'],
      jobTitle: ['Sales'],
      organization: ['Initech Inc.'],
    },
  },
  {
    title: 'vCard 2.1 with quoted-printable UTF-8 and bare type parameters',
    country: 'DE',
    text: `BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;
TEL;WORK;VOICE:030 1234567
TEL;CELL:+49 171 2345678
EMAIL;INTERNET:juergen.mueller@example.org
ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Hauptstra=C3=9Fe 1;Berlin;;10115;=
Deutschland
END:VCARD`,
    expected: {
      name: ['Jürgen Müller'],
      email: ['juergen.mueller@example.org'],
      phone: ['+49 30 1234567', '+49 171 2345678'],
      address: ['Hauptstraße 1, Berlin, 10115, Deutschland'],
    },
  },
  {
    title: 'Two vCards: only the first is read',
    country: 'US',
    text: `BEGIN:VCARD
VERSION:3.0
FN:Hank Scorpio
EMAIL:hank@globex.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Homer Simpson
EMAIL:homer@springfield-nuclear.example
END:VCARD`,
    expected: { name: ['Hank Scorpio'], email: ['hank@globex.example'] },
  },
];

/** Text that holds no contact at all: each must propose nothing. */
export const NOTHING_SAMPLES: string[] = [
  'qwerty asdf zxcv lorem ipsum dolor sit amet',
  'The meeting is moved to Thursday. Bring the slides and the budget for 2025.',
  '¯\\_(ツ)_/¯ 🎉🎉🎉',
  'Order 12345 shipped on 2024-05-01, tracking 1Z999AA10123456784',
  '',
];
