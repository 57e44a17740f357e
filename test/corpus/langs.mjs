/**
 * How mail clients word the line above a quoted message, the "Original Message" separator,
 * the From/Sent/To/Subject block and the forward marker, per interface language. Written from
 * what Gmail, Apple Mail, Outlook and Android clients print in each language.
 * `d` is { y, m, d, wd, h, min } (month 1-12, weekday 0 = Sunday); `who` is "Name <address>".
 */

const pad = (n) => String(n).padStart(2, '0');
const ampm = (h) => `${((h + 11) % 12) + 1}`;
const ap = (h) => (h < 12 ? 'AM' : 'PM');

const EN_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const LANGS = {
  en: {
    gmail: (d, who) => `On ${EN_DAYS[d.wd]}, ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y} at ${pad(d.h)}:${pad(d.min)}, ${who} wrote:`,
    apple: (d, who) => `On ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y}, at ${pad(d.h)}:${pad(d.min)}, ${who} wrote:`,
    outlook: { from: 'From', sent: 'Sent', to: 'To', cc: 'Cc', subject: 'Subject' },
    outlookDate: (d) => `${pad(d.d)} ${EN_MONTHS_LONG[d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    outlookWebDate: (d) => `${EN_DAYS_LONG[d.wd]}, ${d.d} ${EN_MONTHS_LONG[d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Original Message-----',
    androidOriginal: '-------- Original message --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Begin forwarded message:',
  },
  'en-US': {
    gmail: (d, who) => `On ${EN_DAYS[d.wd]}, ${EN_MONTHS[d.m - 1]} ${d.d}, ${d.y} at ${ampm(d.h)}:${pad(d.min)} ${ap(d.h)} ${who} wrote:`,
    apple: (d, who) => `On ${EN_MONTHS[d.m - 1]} ${d.d}, ${d.y}, at ${ampm(d.h)}:${pad(d.min)} ${ap(d.h)}, ${who} wrote:`,
    outlook: { from: 'From', sent: 'Sent', to: 'To', cc: 'Cc', subject: 'Subject' },
    outlookDate: (d) => `${EN_DAYS_LONG[d.wd]}, ${EN_MONTHS_LONG[d.m - 1]} ${d.d}, ${d.y} ${ampm(d.h)}:${pad(d.min)} ${ap(d.h)}`,
    outlookWebDate: (d) => `${EN_DAYS_LONG[d.wd]}, ${EN_MONTHS_LONG[d.m - 1]} ${d.d}, ${d.y} ${ampm(d.h)}:${pad(d.min)} ${ap(d.h)}`,
    original: '-----Original Message-----',
    androidOriginal: '-------- Original message --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Begin forwarded message:',
  },
  de: {
    gmail: (d, who) =>
      `Am ${['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'][d.wd]}., ${d.d}. ${['Jan', 'Feb', 'März', 'Apr', 'Mai', 'Juni', 'Juli', 'Aug', 'Sept', 'Okt', 'Nov', 'Dez'][d.m - 1]} ${d.y} um ${pad(d.h)}:${pad(d.min)} Uhr schrieb ${who}:`,
    apple: (d, who) => `Am ${pad(d.d)}.${pad(d.m)}.${d.y} um ${pad(d.h)}:${pad(d.min)} schrieb ${who}:`,
    outlook: { from: 'Von', sent: 'Gesendet', to: 'An', cc: 'Cc', subject: 'Betreff' },
    outlookDate: (d) =>
      `${['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'][d.wd]}, ${d.d}. ${['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Ursprüngliche Nachricht-----',
    androidOriginal: '-------- Ursprüngliche Nachricht --------',
    gmailForward: '---------- Weitergeleitete Nachricht ---------',
    appleForward: 'Anfang der weitergeleiteten Nachricht:',
  },
  fr: {
    gmail: (d, who) =>
      `Le ${['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'][d.wd]} ${d.d} ${['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'][d.m - 1]} ${d.y} à ${pad(d.h)}:${pad(d.min)}, ${who} a écrit :`,
    apple: (d, who) =>
      `Le ${d.d} ${['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'][d.m - 1]} ${d.y} à ${pad(d.h)}:${pad(d.min)}, ${who} a écrit :`,
    outlook: { from: 'De', sent: 'Envoyé', to: 'À', cc: 'Cc', subject: 'Objet', spaced: true },
    outlookDate: (d) =>
      `${['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'][d.wd]} ${d.d} ${['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: "-----Message d'origine-----",
    androidOriginal: "-------- Message d'origine --------",
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Début du message réexpédié :',
  },
  es: {
    gmail: (d, who) =>
      `El ${['dom', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb'][d.wd]}, ${d.d} ${['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'][d.m - 1]} ${d.y} a las ${d.h}:${pad(d.min)}, ${who.replace(/<([^>]+)>/, '(<$1>)')} escribió:`,
    apple: (d, who) =>
      `El ${d.d} ${['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'][d.m - 1]} ${d.y}, a las ${d.h}:${pad(d.min)}, ${who} escribió:`,
    outlook: { from: 'De', sent: 'Enviado el', to: 'Para', cc: 'CC', subject: 'Asunto' },
    outlookDate: (d) =>
      `${['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'][d.wd]}, ${d.d} de ${['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'][d.m - 1]} de ${d.y} ${d.h}:${pad(d.min)}`,
    original: '-----Mensaje original-----',
    androidOriginal: '-------- Mensaje original --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Inicio del mensaje reenviado:',
  },
  it: {
    gmail: (d, who) =>
      `Il giorno ${['dom', 'lun', 'mar', 'mer', 'gio', 'ven', 'sab'][d.wd]} ${d.d} ${['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'][d.m - 1]} ${d.y} alle ore ${pad(d.h)}:${pad(d.min)} ${who} ha scritto:`,
    apple: (d, who) =>
      `Il giorno ${d.d} ${['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'][d.m - 1]} ${d.y}, alle ore ${pad(d.h)}:${pad(d.min)}, ${who} ha scritto:`,
    outlook: { from: 'Da', sent: 'Inviato', to: 'A', cc: 'Cc', subject: 'Oggetto' },
    outlookDate: (d) =>
      `${['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'][d.wd]} ${d.d} ${['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Messaggio originale-----',
    androidOriginal: '-------- Messaggio originale --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Inizio messaggio inoltrato:',
  },
  pt: {
    gmail: (d, who) =>
      `Em ${['dom.', 'seg.', 'ter.', 'qua.', 'qui.', 'sex.', 'sáb.'][d.wd]}, ${d.d} de ${['jan.', 'fev.', 'mar.', 'abr.', 'mai.', 'jun.', 'jul.', 'ago.', 'set.', 'out.', 'nov.', 'dez.'][d.m - 1]} de ${d.y} às ${pad(d.h)}:${pad(d.min)}, ${who} escreveu:`,
    apple: (d, who) =>
      `Em ${d.d} de ${['jan.', 'fev.', 'mar.', 'abr.', 'mai.', 'jun.', 'jul.', 'ago.', 'set.', 'out.', 'nov.', 'dez.'][d.m - 1]} de ${d.y}, à(s) ${pad(d.h)}:${pad(d.min)}, ${who} escreveu:`,
    outlook: { from: 'De', sent: 'Enviado', to: 'Para', cc: 'Cc', subject: 'Assunto' },
    outlookDate: (d) =>
      `${['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'][d.wd]}, ${d.d} de ${['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'][d.m - 1]} de ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Mensagem original-----',
    androidOriginal: '-------- Mensagem original --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Início da mensagem reencaminhada:',
  },
  nl: {
    gmail: (d, who) =>
      `Op ${['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'][d.wd]} ${d.d} ${['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'][d.m - 1]} ${d.y} om ${pad(d.h)}:${pad(d.min)} schreef ${who}:`,
    apple: (d, who) =>
      `Op ${d.d} ${['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'][d.m - 1]} ${d.y}, om ${pad(d.h)}:${pad(d.min)} heeft ${who} het volgende geschreven:`,
    outlook: { from: 'Van', sent: 'Verzonden', to: 'Aan', cc: 'CC', subject: 'Onderwerp' },
    outlookDate: (d) =>
      `${['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'][d.wd]} ${d.d} ${['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Oorspronkelijk bericht-----',
    androidOriginal: '-------- Oorspronkelijk bericht --------',
    gmailForward: '---------- Doorgestuurd bericht ---------',
    appleForward: 'Begin doorgestuurd bericht:',
  },
  sv: {
    gmail: (d, who) =>
      `Den ${['sön', 'mån', 'tis', 'ons', 'tors', 'fre', 'lör'][d.wd]} ${d.d} ${['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'][d.m - 1]} ${d.y} kl ${pad(d.h)}:${pad(d.min)} skrev ${who}:`,
    apple: (d, who) =>
      `${d.d} ${['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'][d.m - 1]} ${d.y} kl. ${pad(d.h)}:${pad(d.min)} skrev ${who}:`,
    outlook: { from: 'Från', sent: 'Skickat', to: 'Till', cc: 'Kopia', subject: 'Ämne' },
    outlookDate: (d) =>
      `den ${d.d} ${['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Ursprungligt meddelande-----',
    androidOriginal: '-------- Originalmeddelande --------',
    gmailForward: '---------- Vidarebefordrat meddelande ---------',
    appleForward: 'Vidarebefordrat brev:',
  },
  da: {
    gmail: (d, who) =>
      `Den ${['søn.', 'man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.'][d.wd]} ${d.d}. ${['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'][d.m - 1]} ${d.y} kl. ${pad(d.h)}.${pad(d.min)} skrev ${who}:`,
    apple: (d, who) =>
      `Den ${d.d}. ${['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'][d.m - 1]} ${d.y} kl. ${pad(d.h)}.${pad(d.min)} skrev ${who}:`,
    outlook: { from: 'Fra', sent: 'Sendt', to: 'Til', cc: 'Cc', subject: 'Emne' },
    outlookDate: (d) =>
      `${['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'][d.wd]} den ${d.d}. ${['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'][d.m - 1]} ${d.y} ${pad(d.h)}.${pad(d.min)}`,
    original: '-----Oprindelig meddelelse-----',
    androidOriginal: '-------- Oprindelig meddelelse --------',
    gmailForward: '---------- Videresendt besked ----------',
    appleForward: 'Start på videresendt besked:',
  },
  no: {
    gmail: (d, who) =>
      `${['søn.', 'man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.'][d.wd]} ${d.d}. ${['jan.', 'feb.', 'mar.', 'apr.', 'mai', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'][d.m - 1]} ${d.y} kl. ${pad(d.h)}:${pad(d.min)} skrev ${who}:`,
    apple: (d, who) =>
      `${d.d}. ${['jan.', 'feb.', 'mar.', 'apr.', 'mai', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'][d.m - 1]} ${d.y} kl. ${pad(d.h)}:${pad(d.min)} skrev ${who}:`,
    outlook: { from: 'Fra', sent: 'Sendt', to: 'Til', cc: 'Kopi', subject: 'Emne' },
    outlookDate: (d) =>
      `${['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'][d.wd]} ${d.d}. ${['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Opprinnelig melding-----',
    androidOriginal: '-------- Opprinnelig melding --------',
    gmailForward: '---------- Videresendt melding ----------',
    appleForward: 'Videresendt melding:',
  },
  fi: {
    gmail: (d, who) =>
      `${['su', 'ma', 'ti', 'ke', 'to', 'pe', 'la'][d.wd]} ${d.d}. ${['tammik.', 'helmik.', 'maalisk.', 'huhtik.', 'toukok.', 'kesäk.', 'heinäk.', 'elok.', 'syysk.', 'lokak.', 'marrask.', 'jouluk.'][d.m - 1]} ${d.y} klo ${d.h}.${pad(d.min)} ${who} kirjoitti:`,
    apple: (d, who) => `${d.d}.${d.m}.${d.y} kello ${d.h}.${pad(d.min)}, ${who} kirjoitti:`,
    outlook: { from: 'Lähettäjä', sent: 'Lähetetty', to: 'Vastaanottaja', cc: 'Kopio', subject: 'Aihe' },
    outlookDate: (d) =>
      `${['sunnuntai', 'maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai'][d.wd]} ${d.d}. ${['tammikuuta', 'helmikuuta', 'maaliskuuta', 'huhtikuuta', 'toukokuuta', 'kesäkuuta', 'heinäkuuta', 'elokuuta', 'syyskuuta', 'lokakuuta', 'marraskuuta', 'joulukuuta'][d.m - 1]} ${d.y} ${d.h}.${pad(d.min)}`,
    original: '-----Alkuperäinen viesti-----',
    androidOriginal: '-------- Alkuperäinen viesti --------',
    gmailForward: '---------- Välitetty viesti ---------',
    appleForward: 'Välitetty viesti alkaa:',
  },
  pl: {
    gmail: (d, who) =>
      `${['niedz.', 'pon.', 'wt.', 'śr.', 'czw.', 'pt.', 'sob.'][d.wd]}, ${d.d} ${['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'][d.m - 1]} ${d.y} o ${pad(d.h)}:${pad(d.min)} ${who} napisał(a):`,
    apple: (d, who) =>
      `Wiadomość napisana przez ${who} w dniu ${d.d} ${['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'][d.m - 1]} ${d.y}, o godz. ${pad(d.h)}:${pad(d.min)}:`,
    outlook: { from: 'Od', sent: 'Wysłano', to: 'Do', cc: 'DW', subject: 'Temat' },
    outlookDate: (d) =>
      `${['niedziela', 'poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota'][d.wd]}, ${d.d} ${['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Oryginalna wiadomość-----',
    androidOriginal: '-------- Oryginalna wiadomość --------',
    gmailForward: '---------- Wiadomość przekazana dalej ---------',
    appleForward: 'Początek przekazywanej wiadomości:',
  },
  cs: {
    gmail: (d, who) =>
      `${['ne', 'po', 'út', 'st', 'čt', 'pá', 'so'][d.wd]} ${d.d}. ${d.m}. ${d.y} v ${d.h}:${pad(d.min)} odesílatel ${who} napsal:`,
    apple: (d, who) => `Dne ${d.d}. ${d.m}. ${d.y} v ${d.h}:${pad(d.min)}, ${who} napsal(a):`,
    outlook: { from: 'Od', sent: 'Odesláno', to: 'Komu', cc: 'Kopie', subject: 'Předmět' },
    outlookDate: (d) =>
      `${['neděle', 'pondělí', 'úterý', 'středa', 'čtvrtek', 'pátek', 'sobota'][d.wd]} ${d.d}. ${['ledna', 'února', 'března', 'dubna', 'května', 'června', 'července', 'srpna', 'září', 'října', 'listopadu', 'prosince'][d.m - 1]} ${d.y} ${d.h}:${pad(d.min)}`,
    original: '-----Původní zpráva-----',
    androidOriginal: '-------- Původní zpráva --------',
    gmailForward: '---------- Přeposlaná zpráva ---------',
    appleForward: 'Začátek přeposílané zprávy:',
  },
  ru: {
    gmail: (d, who) =>
      `${['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'][d.wd]}, ${d.d} ${['янв.', 'февр.', 'мар.', 'апр.', 'мая', 'июн.', 'июл.', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'][d.m - 1]} ${d.y} г. в ${pad(d.h)}:${pad(d.min)}, ${who}:`,
    apple: (d, who) =>
      `${d.d} ${['янв.', 'февр.', 'марта', 'апр.', 'мая', 'июня', 'июля', 'авг.', 'сент.', 'окт.', 'нояб.', 'дек.'][d.m - 1]} ${d.y} г., в ${d.h}:${pad(d.min)}, ${who} написал(а):`,
    outlook: { from: 'От', sent: 'Отправлено', to: 'Кому', cc: 'Копия', subject: 'Тема' },
    outlookDate: (d) =>
      `${['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'][d.wd]}, ${d.d} ${['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'][d.m - 1]} ${d.y} г. ${d.h}:${pad(d.min)}`,
    original: '-----Исходное сообщение-----',
    androidOriginal: '-------- Исходное сообщение --------',
    gmailForward: '---------- Пересылаемое сообщение ---------',
    appleForward: 'Начало переадресованного сообщения:',
  },
  uk: {
    gmail: (d, who) =>
      `${['нд', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'][d.wd]}, ${d.d} ${['січ.', 'лют.', 'бер.', 'квіт.', 'трав.', 'черв.', 'лип.', 'серп.', 'вер.', 'жовт.', 'лист.', 'груд.'][d.m - 1]} ${d.y} р. о ${pad(d.h)}:${pad(d.min)} ${who} пише:`,
    apple: (d, who) =>
      `${d.d} ${['січ.', 'лют.', 'бер.', 'квіт.', 'трав.', 'черв.', 'лип.', 'серп.', 'вер.', 'жовт.', 'лист.', 'груд.'][d.m - 1]} ${d.y} р. о ${pad(d.h)}:${pad(d.min)} ${who} пише:`,
    outlook: { from: 'Від', sent: 'Надіслано', to: 'Кому', cc: 'Копія', subject: 'Тема' },
    outlookDate: (d) =>
      `${['неділя', 'понеділок', 'вівторок', 'середа', 'четвер', "п'ятниця", 'субота'][d.wd]}, ${d.d} ${['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'][d.m - 1]} ${d.y} р. ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Оригінальне повідомлення-----',
    androidOriginal: '-------- Оригінальне повідомлення --------',
    gmailForward: '---------- Пересланий лист ---------',
    appleForward: 'Початок листа, що пересилається:',
  },
  tr: {
    gmail: (d, who) =>
      `${who}, ${d.d} ${['Oca', 'Şub', 'Mar', 'Nis', 'May', 'Haz', 'Tem', 'Ağu', 'Eyl', 'Eki', 'Kas', 'Ara'][d.m - 1]} ${d.y} ${['Paz', 'Pzt', 'Sal', 'Çar', 'Per', 'Cum', 'Cmt'][d.wd]}, ${pad(d.h)}:${pad(d.min)} tarihinde şunu yazdı:`,
    apple: (d, who) =>
      `${d.d} ${['Oca', 'Şub', 'Mar', 'Nis', 'May', 'Haz', 'Tem', 'Ağu', 'Eyl', 'Eki', 'Kas', 'Ara'][d.m - 1]} ${d.y} tarihinde ${pad(d.h)}:${pad(d.min)} saatinde, ${who} şunları yazdı:`,
    outlook: { from: 'Kimden', sent: 'Gönderildi', to: 'Kime', cc: 'Bilgi', subject: 'Konu' },
    outlookDate: (d) =>
      `${d.d} ${['Ocak', 'Şubat', 'Mart', 'Nisan', 'Mayıs', 'Haziran', 'Temmuz', 'Ağustos', 'Eylül', 'Ekim', 'Kasım', 'Aralık'][d.m - 1]} ${d.y} ${['Pazar', 'Pazartesi', 'Salı', 'Çarşamba', 'Perşembe', 'Cuma', 'Cumartesi'][d.wd]} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Özgün İleti-----',
    androidOriginal: '-------- Orijinal mesaj --------',
    gmailForward: '---------- Yönlendirilmiş ileti ---------',
    appleForward: 'Yönlendirilmiş ileti başlangıcı:',
  },
  hu: {
    gmail: (d, who) =>
      `${who} ezt írta (időpont: ${d.y}. ${['jan.', 'febr.', 'márc.', 'ápr.', 'máj.', 'jún.', 'júl.', 'aug.', 'szept.', 'okt.', 'nov.', 'dec.'][d.m - 1]} ${d.d}., ${['V', 'H', 'K', 'Sze', 'Cs', 'P', 'Szo'][d.wd]}, ${d.h}:${pad(d.min)}):`,
    apple: (d, who) =>
      `${d.y}. ${['jan.', 'febr.', 'márc.', 'ápr.', 'máj.', 'jún.', 'júl.', 'aug.', 'szept.', 'okt.', 'nov.', 'dec.'][d.m - 1]} ${d.d}. dátummal, ${d.h}:${pad(d.min)} időpontban ${who} írta:`,
    outlook: { from: 'Feladó', sent: 'Elküldve', to: 'Címzett', cc: 'Másolatot kap', subject: 'Tárgy' },
    outlookDate: (d) =>
      `${d.y}. ${['január', 'február', 'március', 'április', 'május', 'június', 'július', 'augusztus', 'szeptember', 'október', 'november', 'december'][d.m - 1]} ${d.d}. ${d.h}:${pad(d.min)}`,
    original: '-----Eredeti üzenet-----',
    androidOriginal: '-------- Eredeti üzenet --------',
    gmailForward: '---------- Továbbított levél ---------',
    appleForward: 'Továbbított levél kezdete:',
  },
  el: {
    gmail: (d, who) =>
      `Στις ${['Κυρ', 'Δευ', 'Τρί', 'Τετ', 'Πέμ', 'Παρ', 'Σάβ'][d.wd]} ${d.d} ${['Ιαν', 'Φεβ', 'Μαρ', 'Απρ', 'Μαΐ', 'Ιουν', 'Ιουλ', 'Αυγ', 'Σεπ', 'Οκτ', 'Νοε', 'Δεκ'][d.m - 1]} ${d.y} στις ${ampm(d.h)}:${pad(d.min)} ${d.h < 12 ? 'π.μ.' : 'μ.μ.'}, ο/η ${who} έγραψε:`,
    apple: (d, who) =>
      `Στις ${d.d} ${['Ιαν', 'Φεβ', 'Μαρ', 'Απρ', 'Μαΐ', 'Ιουν', 'Ιουλ', 'Αυγ', 'Σεπ', 'Οκτ', 'Νοε', 'Δεκ'][d.m - 1]} ${d.y}, στις ${d.h}:${pad(d.min)}, ο χρήστης ${who} έγραψε:`,
    outlook: { from: 'Από', sent: 'Στάλθηκε', to: 'Προς', cc: 'Κοιν.', subject: 'Θέμα' },
    outlookDate: (d) =>
      `${['Κυριακή', 'Δευτέρα', 'Τρίτη', 'Τετάρτη', 'Πέμπτη', 'Παρασκευή', 'Σάββατο'][d.wd]}, ${d.d} ${['Ιανουαρίου', 'Φεβρουαρίου', 'Μαρτίου', 'Απριλίου', 'Μαΐου', 'Ιουνίου', 'Ιουλίου', 'Αυγούστου', 'Σεπτεμβρίου', 'Οκτωβρίου', 'Νοεμβρίου', 'Δεκεμβρίου'][d.m - 1]} ${d.y} ${d.h}:${pad(d.min)}`,
    original: '-----Αρχικό μήνυμα-----',
    androidOriginal: '-------- Αρχικό μήνυμα --------',
    gmailForward: '---------- Προωθημένο μήνυμα ---------',
    appleForward: 'Αρχή προωθημένου μηνύματος:',
  },
  ja: {
    gmail: (d, who) => `${d.y}年${d.m}月${d.d}日(${['日', '月', '火', '水', '木', '金', '土'][d.wd]}) ${d.h}:${pad(d.min)} ${who}:`,
    apple: (d, who) => `${d.y}/${pad(d.m)}/${pad(d.d)} ${d.h}:${pad(d.min)}、${who}のメール:`,
    outlook: { from: '差出人', sent: '送信日時', to: '宛先', cc: 'CC', subject: '件名' },
    outlookDate: (d) => `${d.y}年${d.m}月${d.d}日 ${d.h}:${pad(d.min)}`,
    original: '-----Original Message-----',
    androidOriginal: '-------- 元のメッセージ --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: '転送されたメッセージ:',
  },
  zh: {
    gmail: (d, who) =>
      `${who} 于${d.y}年${d.m}月${d.d}日周${['日', '一', '二', '三', '四', '五', '六'][d.wd]} ${pad(d.h)}:${pad(d.min)}写道：`,
    apple: (d, who) => `${d.y}年${d.m}月${d.d}日 ${pad(d.h)}:${pad(d.min)}，${who} 写道：`,
    outlook: { from: '发件人', sent: '发送时间', to: '收件人', cc: '抄送', subject: '主题' },
    outlookDate: (d) => `${d.y}年${d.m}月${d.d}日 ${d.h}:${pad(d.min)}`,
    original: '------------------ 原始邮件 ------------------',
    androidOriginal: '-------- 原始邮件 --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: '以下为转发的邮件：',
  },
  ko: {
    gmail: (d, who) =>
      `${d.y}년 ${d.m}월 ${d.d}일 (${['일', '월', '화', '수', '목', '금', '토'][d.wd]}) ${d.h < 12 ? '오전' : '오후'} ${ampm(d.h)}:${pad(d.min)}, ${who}님이 작성:`,
    apple: (d, who) => `${d.y}. ${d.m}. ${d.d}. ${d.h < 12 ? '오전' : '오후'} ${ampm(d.h)}:${pad(d.min)}, ${who} 작성:`,
    outlook: { from: '보낸 사람', sent: '보낸 날짜', to: '받는 사람', cc: '참조', subject: '제목' },
    outlookDate: (d) =>
      `${d.y}년 ${d.m}월 ${d.d}일 ${['일', '월', '화', '수', '목', '금', '토'][d.wd]}요일 ${d.h < 12 ? '오전' : '오후'} ${ampm(d.h)}:${pad(d.min)}`,
    original: '-----원본 메시지-----',
    androidOriginal: '-------- 원본 메시지 --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: '전달된 메일:',
  },
  vi: {
    gmail: (d, who) =>
      `Vào ${['CN', 'Th 2', 'Th 3', 'Th 4', 'Th 5', 'Th 6', 'Th 7'][d.wd]}, ${d.d} thg ${d.m}, ${d.y} vào lúc ${pad(d.h)}:${pad(d.min)} ${who} đã viết:`,
    apple: (d, who) => `Vào ${pad(d.h)}:${pad(d.min)}, ngày ${d.d} thg ${d.m}, ${d.y}, ${who} đã viết:`,
    outlook: { from: 'Từ', sent: 'Đã gửi', to: 'Đến', cc: 'Cc', subject: 'Chủ đề' },
    outlookDate: (d) =>
      `${['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'][d.wd]}, ngày ${d.d} tháng ${d.m} năm ${d.y} ${d.h}:${pad(d.min)}`,
    original: '-----Thư gốc-----',
    androidOriginal: '-------- Thư gốc --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Bắt đầu thư được chuyển tiếp:',
  },
  ro: {
    gmail: (d, who) =>
      `Pe ${['dum.', 'lun.', 'mar.', 'mie.', 'joi', 'vin.', 'sâm.'][d.wd]}, ${d.d} ${['ian.', 'feb.', 'mar.', 'apr.', 'mai', 'iun.', 'iul.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.'][d.m - 1]} ${d.y} la ${pad(d.h)}:${pad(d.min)}, ${who} a scris:`,
    apple: (d, who) =>
      `Pe ${d.d} ${['ian.', 'feb.', 'mar.', 'apr.', 'mai', 'iun.', 'iul.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.'][d.m - 1]} ${d.y}, la ${pad(d.h)}:${pad(d.min)}, ${who} a scris:`,
    outlook: { from: 'De la', sent: 'Trimis', to: 'Către', cc: 'Cc', subject: 'Subiect' },
    outlookDate: (d) =>
      `${['duminică', 'luni', 'marți', 'miercuri', 'joi', 'vineri', 'sâmbătă'][d.wd]}, ${d.d} ${['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Mesaj original-----',
    androidOriginal: '-------- Mesaj original --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Început mesaj redirecționat:',
  },
  he: {
    // Gmail wraps the right-to-left line in bidi embedding marks.
    gmail: (d, who) =>
      `\u202Bבתאריך יום ${['א׳', 'ב׳', 'ג׳', 'ד׳', 'ה׳', 'ו׳', 'ש׳'][d.wd]}, ${d.d} ב${['ינו׳', 'פבר׳', 'מרץ', 'אפר׳', 'מאי', 'יוני', 'יולי', 'אוג׳', 'ספט׳', 'אוק׳', 'נוב׳', 'דצמ׳'][d.m - 1]} ${d.y} ב-${d.h}:${pad(d.min)} מאת \u202A${who.replace(/ <.*/, '')}\u202C\u200F <\u202A${who.replace(/.*<|>.*/g, '')}\u202C\u200F>:\u202C`,
    apple: (d, who) =>
      `ב-${d.d} ב${['ינו׳', 'פבר׳', 'מרץ', 'אפר׳', 'מאי', 'יוני', 'יולי', 'אוג׳', 'ספט׳', 'אוק׳', 'נוב׳', 'דצמ׳'][d.m - 1]} ${d.y}, בשעה ${pad(d.h)}:${pad(d.min)}, ‏${who} כתב/ה:`,
    outlook: { from: 'מאת', sent: 'נשלח', to: 'אל', cc: 'עותק', subject: 'נושא' },
    outlookDate: (d) =>
      `יום ${['ראשון', 'שני', 'שלישי', 'רביעי', 'חמישי', 'שישי', 'שבת'][d.wd]} ${d.d} ${['ינואר', 'פברואר', 'מרץ', 'אפריל', 'מאי', 'יוני', 'יולי', 'אוגוסט', 'ספטמבר', 'אוקטובר', 'נובמבר', 'דצמבר'][d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----הודעה מקורית-----',
    androidOriginal: '-------- הודעה מקורית --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'תחילת הודעה מועברת:',
  },
  ar: {
    gmail: (d, who) =>
      `\u202Bفي ${['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'][d.wd]}، ${d.d} ${['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'][d.m - 1]} ${d.y} ${ampm(d.h)}:${pad(d.min)} ${d.h < 12 ? 'ص' : 'م'} تمت كتابة ما يلي بواسطة \u202A${who}\u202C:\u202C`,
    apple: (d, who) =>
      `في ${d.d} ${['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'][d.m - 1]} ${d.y}، الساعة ${pad(d.h)}:${pad(d.min)}، كتب ${who}:`,
    outlook: { from: 'من', sent: 'تاريخ الإرسال', to: 'إلى', cc: 'نسخة', subject: 'الموضوع' },
    outlookDate: (d) =>
      `${['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'][d.wd]}، ${d.d} ${['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'][d.m - 1]}، ${d.y} ${pad(d.h)}:${pad(d.min)}`,
    original: '-----الرسالة الأصلية-----',
    androidOriginal: '-------- الرسالة الأصلية --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'بداية الرسالة المُعاد توجيهها:',
  },
  id: {
    gmail: (d, who) =>
      `Pada tanggal ${['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'][d.wd]}, ${d.d} ${['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'][d.m - 1]} ${d.y} pukul ${pad(d.h)}.${pad(d.min)} ${who} menulis:`,
    apple: (d, who) =>
      `Pada ${d.d} ${['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'][d.m - 1]} ${d.y}, pukul ${pad(d.h)}.${pad(d.min)}, ${who} menulis:`,
    outlook: { from: 'Dari', sent: 'Dikirim', to: 'Kepada', cc: 'Cc', subject: 'Perihal' },
    outlookDate: (d) =>
      `${['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'][d.wd]}, ${pad(d.d)} ${['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'][d.m - 1]} ${d.y} ${pad(d.h)}.${pad(d.min)}`,
    original: '-----Pesan Asli-----',
    androidOriginal: '-------- Pesan asli --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Awal pesan yang diteruskan:',
  },
  ca: {
    gmail: (d, who) =>
      `El ${['dg.', 'dl.', 'dt.', 'dc.', 'dj.', 'dv.', 'ds.'][d.wd]}, ${d.d} de ${['gen.', 'febr.', 'març', 'abr.', 'maig', 'juny', 'jul.', 'ag.', 'set.', 'oct.', 'nov.', 'des.'][d.m - 1]} ${d.y} a les ${d.h}:${pad(d.min)}, ${who.replace(/<([^>]+)>/, '(<$1>)')} va escriure:`,
    apple: (d, who) =>
      `El ${d.d} de ${['gen.', 'febr.', 'març', 'abr.', 'maig', 'juny', 'jul.', 'ag.', 'set.', 'oct.', 'nov.', 'des.'][d.m - 1]} ${d.y}, a les ${d.h}:${pad(d.min)}, ${who} va escriure:`,
    outlook: { from: 'De', sent: 'Enviat el', to: 'Per a', cc: 'A/c', subject: 'Assumpte' },
    outlookDate: (d) =>
      `${['diumenge', 'dilluns', 'dimarts', 'dimecres', 'dijous', 'divendres', 'dissabte'][d.wd]}, ${d.d} de ${['gener', 'febrer', 'març', 'abril', 'maig', 'juny', 'juliol', 'agost', 'setembre', 'octubre', 'novembre', 'desembre'][d.m - 1]} de ${d.y} ${d.h}:${pad(d.min)}`,
    original: '-----Missatge original-----',
    androidOriginal: '-------- Missatge original --------',
    gmailForward: '---------- Forwarded message ---------',
    appleForward: 'Inici del missatge reenviat:',
  },
  hr: {
    gmail: (d, who) =>
      `${['ned', 'pon', 'uto', 'sri', 'čet', 'pet', 'sub'][d.wd]}, ${d.d}. ${['sij', 'velj', 'ožu', 'tra', 'svi', 'lip', 'srp', 'kol', 'ruj', 'lis', 'stu', 'pro'][d.m - 1]} ${d.y}. u ${pad(d.h)}:${pad(d.min)} ${who} napisao je:`,
    apple: (d, who) => `${d.d}. ${d.m}. ${d.y}. u ${pad(d.h)}:${pad(d.min)}, ${who} je napisao/la:`,
    outlook: { from: 'Šalje', sent: 'Poslano', to: 'Prima', cc: 'Kopija', subject: 'Predmet' },
    outlookDate: (d) =>
      `${['nedjelja', 'ponedjeljak', 'utorak', 'srijeda', 'četvrtak', 'petak', 'subota'][d.wd]}, ${d.d}. ${['siječnja', 'veljače', 'ožujka', 'travnja', 'svibnja', 'lipnja', 'srpnja', 'kolovoza', 'rujna', 'listopada', 'studenoga', 'prosinca'][d.m - 1]} ${d.y}. ${pad(d.h)}:${pad(d.min)}`,
    original: '-----Izvorna poruka-----',
    androidOriginal: '-------- Izvorna poruka --------',
    gmailForward: '---------- Proslijeđena poruka ---------',
    appleForward: 'Početak proslijeđene poruke:',
  },
  sk: {
    gmail: (d, who) =>
      `${['ne', 'po', 'ut', 'st', 'št', 'pi', 'so'][d.wd]} ${d.d}. ${d.m}. ${d.y} o ${d.h}:${pad(d.min)} ${who} napísal(a):`,
    apple: (d, who) => `${d.d}. ${d.m}. ${d.y} o ${d.h}:${pad(d.min)}, ${who} napísal(a):`,
    outlook: { from: 'Od', sent: 'Odoslané', to: 'Komu', cc: 'Kópia', subject: 'Predmet' },
    outlookDate: (d) =>
      `${['nedeľa', 'pondelok', 'utorok', 'streda', 'štvrtok', 'piatok', 'sobota'][d.wd]} ${d.d}. ${['januára', 'februára', 'marca', 'apríla', 'mája', 'júna', 'júla', 'augusta', 'septembra', 'októbra', 'novembra', 'decembra'][d.m - 1]} ${d.y} ${d.h}:${pad(d.min)}`,
    original: '-----Pôvodná správa-----',
    androidOriginal: '-------- Pôvodná správa --------',
    gmailForward: '---------- Preposlaná správa ---------',
    appleForward: 'Začiatok preposlanej správy:',
  },
};

/** The date header of a message, RFC 5322 style, from the same parts. */
export function rfcDate(d, zone = '+0000') {
  return `${EN_DAYS[d.wd]}, ${d.d} ${EN_MONTHS[d.m - 1]} ${d.y} ${pad(d.h)}:${pad(d.min)}:${pad(d.s ?? 7)} ${zone}`;
}

export { EN_DAYS, EN_DAYS_LONG, EN_MONTHS, EN_MONTHS_LONG, pad, ampm, ap };
