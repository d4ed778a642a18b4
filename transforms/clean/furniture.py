"""Page and channel furniture, removed line by line from a document's text.

trafilatura keeps furniture that sits as plain paragraphs inside an article body and
cannot clean plain text at all (Telegram posts, text folders, feed summaries), so every
text goes through these rules. They are written for English, Russian and Ukrainian and
describe kinds of lines, never particular sites.

Three kinds of evidence are used:
  * the line alone (``furniture_kind``): ad labels, counters, comment forms, teasers,
    captions and credits, subscribe prompts, social handles, cookie notices;
  * the document: teaser blocks under a "Related" heading, lines repeated within it,
    captions repeated as paragraphs;
  * the run: a source's own template, learned across its items (see template.py).

Removing an evidence sentence costs more than keeping furniture, so every single-line
rule applies to short lines only and a full sentence is only ever dropped as a
repeated copy.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

# Lines longer than this are article paragraphs, whatever words they contain.
MAX_FURNITURE_CHARS = 250
# Cookie and consent notices run longer than other furniture.
MAX_CONSENT_CHARS = 500
# A teaser block is the run of headlines under a "Related" heading.
MAX_TEASER_BLOCK_LINES = 10
MAX_HEADLINE_CHARS = 160
# Share of words a leading headline has in common with the page title to be it.
TITLE_OVERLAP = 0.6
# Shorter captions ("Kyiv", "The scene") are too common to recognise as repeats.
MIN_CAPTION_WORDS = 4
# Copies of a headline this many lines apart or closer are one teaser printed twice.
ECHO_DISTANCE = 1

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!…](?:[\"'»”’)\]]*)$")
_URL = re.compile(r"(?:https?://|www\.|t\.me/)\S+", re.IGNORECASE)
_SOCIAL_URL = re.compile(
    r"^\W*(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me|vk\.com|ok\.ru|dzen\.ru|max\.ru|instagram\.com"
    r"|facebook\.com|fb\.com|twitter\.com|x\.com|youtube\.com|youtu\.be|tiktok\.com|wa\.me"
    r"|whatsapp\.com|viber\.com|invite\.viber\.com)/\S*$", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w.])@\w{3,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_DIGIT = re.compile(r"\d")
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_LINK_HINT = re.compile(r"https?:|www\.|t\.me|@|[|•·]|\.(?:com|ru|me|be)/", re.IGNORECASE)
_LABELLED_LINK = re.compile(r"^\W*(?:\w+\s){0,2}\w+\s*:\s*(?:https?://|www\.|t\.me/)\S+\W*$")
# Emoji, dingbats, arrows, box drawing and bullets: the decoration of channel footers.
_SYMBOL_RUN = re.compile(
    "[\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2900-\u297f\u2b00-\u2bff\u3030\u303d"
    "\ufe0f\u200d\U0001f000-\U0001faff\u2022\u00b7\u25aa\u25ab\u25cf\u25cb*#>|•]+")
_STARTS_WITH_SYMBOL = re.compile(
    "^\\s*[\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\U0001f000-\U0001faff\u2022\u25aa\u25ab\u25cf\u25cb\u2013\u2014*>•-]")
_QUOTES = str.maketrans({c: "'" for c in "‘’‚‛`´′"} | {c: '"' for c in "“”„‟«»″"})


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


# --- single-line rules -------------------------------------------------------------

_AD = _rx(
    r"^(?:advertisement|advertisment|advertising|advert|ads?|sponsored(?: content| post| links?)?"
    r"|promoted(?: content| stories)?|paid (?:content|post|partnership)|partner content"
    r"|(?:story|article) continues below(?: advertisement)?|scroll to continue(?: with content)?"
    r"|continue reading (?:below|the main story))$",
    r"^(?:реклама|на правах рекламы|партн[её]рский материал|спонсорский материал"
    r"|на правах реклами|партнерський матеріал|спонсорський матеріал|продолжение ниже)$",
    r"^(?:реклама\W*\s)?erid\W",
    r"^реклам[аи]\s*[.:]",
    r"\b(?:earn|receive|get) (?:a |an )?(?:small )?(?:commission|share of the sale)|\baffiliate (?:links?|commission)",
    r"\b(?:получа(?:ем|ет)|можем получить) (?:комиссию|вознаграждение)|\bпартн[её]рск(?:ие|ая) ссылк",
    r"\b(?:отримує(?:мо)?|можемо отримати) (?:комісію|винагороду)|\bпартнерськ(?:і|е) посилан",
)

_COUNTER_WORDS = (
    r"views?|shares?|likes?|comments?|reads?|reactions?|reposts?|retweets?"
    r"|просмотр(?:ов|а|ы)?|перегляд(?:ів|и|у)?|лайк(?:ов|и|ів)?|репост(?:ов|ы|и|ів)?"
    r"|комментари(?:ев|и|й)|коментар(?:ів|і)?|поделил(?:ись|ся)|поділил(?:ися|ись)"
)
_NUMBER = r"\d[\d\s.,]*\s*(?:k|m|к|тыс\.?|млн)?"
_COUNTER = _rx(
    rf"^(?:{_NUMBER})$",
    rf"^(?:{_NUMBER})?\s*(?:{_COUNTER_WORDS})\s*:?\s*(?:{_NUMBER})?$",
)
_SHARE_WORDS = frozenset(
    "share tweet pin it email e-mail print whatsapp telegram facebook twitter x linkedin reddit "
    "vk vkontakte ok odnoklassniki viber messenger flipboard copy link url on via "
    "поделиться поделитесь отправить скопировать ссылку ссылка "
    "поширити поділитися поділіться надіслати копіювати посилання".split())
_INTERFACE = _rx(
    r"^(?:order reprints?|reprints?|print(?: this)?(?: article| page| story)?|text size|font size"
    r"|save (?:this )?(?:article|story)|gift (?:this )?article|listen to (?:this )?article"
    r"|версия для печати|распечатать|размер шрифта|сохранить статью|автор"
    r"|версія для друку|роздрукувати|розмір шрифту|зберегти статтю)\W*$",
    r"^(?:an error (?:has )?occurred|something went wrong|please try again later"
    r"|произошла ошибка|что-то пошло не так|попробуйте (?:еще раз|позже)"
    r"|сталася помилка|щось пішло не так|спробуйте (?:ще раз|пізніше))\b",
    r"\bfor your personal,? non-?commercial use only\b",
)
_SHARE_PROMPT = _rx(
    r"\bshare (?:it|this(?: article| story| post)?) with (?:a friend|friends|your friends)",
    r"^like this (?:story|article|post)\b",
    r"\bподелитесь (?:этой )?(?:новостью|статьей|публикацией|постом) с друзьями",
    r"\bподіліться (?:цією )?(?:новиною|статтею|публікацією|дописом) з друзями",
)

_COMMENT_FORM = _rx(
    # English
    r"^(?:leave|post|add|write|submit|join)(?: a| your| the)? (?:reply|comment|response|discussion)",
    r"\b(?:enter|type|write) your (?:comment|name|e-?mail|website|reply)\b",
    r"\bakismet\b",
    r"\byour e-?mail(?: address)? will not be (?:published|shared)",
    r"\brequired fields are marked",
    r"^(?:notify me of|save my name)\b",
    r"\b(?:tell us what you think|let us know (?:what you think )?in the comments"
    r"|share your (?:thoughts|opinions?|views) in the comments)\b",
    r"\b(?:пишите|напишите|делитесь (?:мнением|своим мнением)|поделитесь мнением) в комментариях",
    r"\b(?:пишіть|напишіть|діліться (?:думкою|своєю думкою)|поділіться думкою) (?:в|у) коментарях",
    r"\bmust be (?:logged in|signed in|registered) to (?:post|leave|add|write) a comment",
    r"^(?:cancel reply|post comment|submit comment|add comment|show comments|view comments"
    r"|load comments|comments?|discussion|\d+ comments?|comments? \(\d+\)|be the first to comment"
    r"|no comments yet|comments are closed|reply)\W*$",
    # Russian
    r"^(?:оставить|оставьте|добавить|написать|напишите)(?: свой| ваш)? (?:комментарий|отзыв|ответ)",
    r"\b(?:введите|укажите|напишите) (?:ваш|свой|ваше|своё|свое) (?:комментарий|имя|e-?mail|email|адрес)",
    r"\bваш (?:адрес )?(?:e-?mail|email|электронной почты) не будет опубликован",
    r"\bобязательные поля помечены",
    r"\b(?:войдите|авторизуйтесь|зарегистрируйтесь),? чтобы (?:оставить|написать|добавить) комментарий",
    r"^(?:комментарии|комментариев нет|отменить ответ|отправить комментарий|ответить)(?:\s*\(?\d*\)?)\W*$",
    # Ukrainian
    r"^(?:залишити|залиште|додати|написати|напишіть)(?: свій| ваш)? (?:коментар|відгук|відповідь)",
    r"\b(?:введіть|вкажіть|напишіть) (?:ваш|свій|ваше|своє) (?:коментар|ім['ʼ’]я|e-?mail|email|адресу)",
    r"\bваш(?:а)? (?:адреса )?(?:e-?mail|email|електронної пошти) не (?:буде )?(?:оприлюдн|опублік)",
    r"\bобов['ʼ’]язкові поля позначені",
    r"\b(?:увійдіть|авторизуйтеся|зареєструйтеся),? щоб (?:залишити|написати|додати) коментар",
    r"^(?:коментарі|коментарів немає|скасувати відповідь|надіслати коментар|відповісти)(?:\s*\(?\d*\)?)\W*$",
)

_TEASER_MARKERS = (
    # English
    r"read (?:more|also|next|this next|the full (?:story|article))|also read|more reading"
    r"|related(?: articles?| stories| news| coverage| content| posts?| reading| links?| topics)?"
    r"|see (?:also|more)|more (?:on this(?: story)?|stories|news|headlines|coverage)|more"
    r"|don'?t miss|must read|you (?:may|might) (?:also )?(?:like|be interested in|have missed)"
    r"|recommended(?: for you| stories| articles)?|most (?:read|popular|viewed|shared)"
    r"|top stories|trending(?: now| stories)?|editor'?s picks?|further reading|what to read next"
    r"|popular(?: now)?|latest news|latest stories|continue reading|keep reading"
    # Russian
    r"|читайте (?:также|тоже|ещ[её])|читать (?:также|далее|полностью|ещ[её])|подробнее"
    r"|смотрите (?:также|ещ[её])|см\. также|по теме|также читайте|ещ[её] по теме|больше новостей"
    r"|главное за день|новости по теме|рекомендуем|самое читаемое|популярное|вам может быть интересно"
    r"|другие новости|последние новости|ранее по теме"
    # Ukrainian
    r"|читайте (?:також|ще)|читати (?:також|далі|повністю)|детальніше|дивіться (?:також|ще)"
    r"|див\. також|по темі|на тему|також читайте|ще по темі|більше новин|головне за день"
    r"|новини по темі|рекомендуємо|найпопулярніше|популярне|вам може бути цікаво|інші новини"
    r"|останні новини|раніше по темі"
)
_TEASER_HEADING = re.compile(
    rf"^[\W_]*(?:{_TEASER_MARKERS})(?:\s+(?:in|on|from|at|в|на|из|з|у|від|от)(?:\s+[\w.'’-]+){{1,3}})?[\W_]*$",
    re.IGNORECASE)
_CREDIT_TAIL = re.compile(
    r"\(|©|\b(?:photo|image|credit|фото|світлина)\b\s*[:©/]|[.!?]\s*(?=[^.!?]{1,40}$)", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-–—•▪●*]\s")
_TEASER = _rx(
    rf"^[\W_]*(?:{_TEASER_MARKERS})\s*[:|»>→–—-]",
    r"^the post .{3,200} appeared first on\b",
    r"^also on [\w-]+\.\w+",
    r"\b(?:читайте|читати)\b.{0,40}\b(?:в|у|на) (?:нашем|нашому|материале|матеріалі|статье|статті|сайте|сайті)",
    r"^(?:read|watch|listen)\b.{0,60}\b(?:here|at|on) (?:[\w-]+\.\w+|our)",
    # A headline tagged as a link to another story: "Minister resigns [VIDEO]".
    r"^[^.!?]{8,200}\[(?:video|pics?|photos?|gallery|insight|reaction|poll|live|analysis|news"
    r"|reveal|watch|map|latest|видео|фото|відео)\]\W*$",
)

_CREDIT_LEAD = (
    r"photo(?:graph)?s?|images?|pictures?|pic|credits?|illustration|source of (?:the )?photo"
    r"|фото(?:графия)?|изображение|иллюстрация|источник фото|світлина|зображення|ілюстрація|джерело фото"
)
_AGENCY = (
    r"reuters|getty images|ap photo|associated press|afp|epa|shutterstock|alamy|pa images|pa wire"
    r"|тасс|риа новости|интерфакс|укринформ|униан|уніан|укрінформ"
)
_CAPTION_CREDIT = _rx(
    rf"^[\W_]*(?:{_CREDIT_LEAD})(?:\s+(?:credit|by|source|courtesy|of|з|из|від|от))?\s*[:©/|]",
    r"^(?:[\w'’]+\s+)?(?:фото|світлина|photo|відео|видео|video)\s*[-–—:]\s*\S",
    r"^\(?(?:additional )?(?:reporting|writing|editing) by\b|\bcontributed (?:reporting|to this report)\b",
    r"©|^copyright\b|\ball rights reserved\b|\bвсе права защищены\b|\b(?:усі|всі) права захищені\b",
    rf"\((?:{_CREDIT_LEAD})\b[^()]{{0,80}}\)\W*$",
    rf"\b(?:{_CREDIT_LEAD})\s*:\s*[^.:!?]{{2,60}}$",
    # A credit glued to the caption's last word ("...in Kyiv.Reuters", "... / Getty Images").
    rf"^.{{0,200}}(?:[.!?]|\s/\s*)(?:{_AGENCY})(?:/[\w .-]{{1,40}})?\W*$",
)

_SUBSCRIBE = _rx(
    # English
    r"^[\W_]*(?:subscribe|sign up)\b.{0,80}\b(?:newsletters?|inbox|channel"
    r"|updates|alerts|podcast|app|telegram|youtube|whatsapp)\b",
    r"^[\W_]*(?:get|join|download|follow)\b.{0,60}\b(?:newsletters?|inbox|app|podcast)\b",
    r"^[\W_]*subscribe\b(?:\s+(?:now|here|today|for free))?\W*$",
    r"\bnewsletters?\b",
    r"\b(?:delivered|straight|sent|right|directly)\s+(?:to|in|into) your inbox\b",
    r"\b(?:keep an eye on|check) your inbox\b",
    r"\bthanks? (?:you )?for (?:signing up|subscribing)\b",
    r"\berror processing your subscription\b",
    r"\bclick(?:ing)? here\b",
    # Russian
    r"\bподпис(?:ывайтесь|ывайся|аться|ка|ывайтесь|ывайся|ывайтесь)\b(?:\s+на\b)?",
    r"\bподписаться\b",
    r"\bнаш(?:ем|) (?:канал|телеграм|telegram|чат|сайт)\b",
    r"\b(?:присылайте|прислать|предложить|отправить|пришлите|предложите) (?:нам )?(?:новост|фото|видео|информаци|материал)",
    r"\bрассылк",
    r"\b(?:нажмите|жмите|кликните) (?:здесь|сюда|тут)\b",
    # Ukrainian
    r"\bпідпис(?:уйтесь|уйся|атися|ка|уйтеся)\b",
    r"\bнаш(?:ому|) (?:канал|телеграм|telegram|чат|сайт)\b",
    r"\b(?:надсилайте|надіслати|запропонувати|надішліть|запропонуйте) (?:нам )?(?:новин|фото|відео|інформаці|матеріал)",
    r"\bрозсилк",
    r"\b(?:натисніть|тисніть|клікніть) (?:тут|сюди)\b",
)

_SOCIAL_NETWORKS = (
    r"twitter|facebook|instagram|telegram|youtube|tiktok|linkedin|x|threads|bluesky|mastodon|vk"
    r"|vkontakte|вконтакте|дзен|дзене|max|viber|whatsapp|одноклассниках|однокласниках"
)
_SOCIAL = _rx(
    rf"^[\W_]*(?:follow|reach|find|contact)\b.{{0,80}}\b(?:on|at|via)\s+(?:{_SOCIAL_NETWORKS})\b",
    r"^[\W_]*follow (?:us|me)\b",
    r"\b(?:follow|подписывайтесь на|підписуйтесь на) @\w+",
    rf"\b(?:читайте|следите за|слідкуйте за|мы|ми) (?:нас |нами |новостями |новинами )?(?:в|у|на) (?:{_SOCIAL_NETWORKS})\b",
)
_CONTACT = _rx(r"\b(?:write to|e-?mail|contact|reach|reached at|tips?|follow|twitter|пишите|пишіть|почта|пошта)\b")
_CHANNEL_NAV_WORDS = _rx(
    rf"\b(?:channel|chat|bot|site|website|{_SOCIAL_NETWORKS}|канал|чат|бот|сайт|новость|новину|новини"
    r"|новости|донат|donate|support us|поддержать|підтримати)\b",
    r"\b(?:подпис|підпис)")

_CONSENT = _rx(
    r"\bcookies?\b.{0,200}\b(?:use|using|accept|consent|agree|policy|settings|continu|experience|browsing|personali[sz])",
    r"\b(?:use|using|accept|consent|agree|policy|settings)\b.{0,200}\bcookies?\b",
    r"^(?:accept|reject|allow|manage|decline)(?: all)?(?: cookies| preferences| settings)?$",
    r"\bby (?:continuing|using|browsing)(?: to (?:use|browse))? (?:this|our) (?:site|website)",
    r"^(?:privacy policy|cookie policy|terms of (?:use|service)|terms and conditions)\W*$",
    r"(?:cookie|куки|кукі)\S*.{0,200}\b(?:использ|соглас|продолжая|використ|погодж|продовжуючи)",
    r"\b(?:использ|применя|використов|застосов)\w*(?: \w+)? (?:файлы |файли )?(?:cookie|куки|кукі)",
    r"\bпродолжая (?:пользоваться|использовать|работу с) (?:сайт|ресурс|этим)",
    r"\bпродовжуючи (?:користуватися|використовувати|роботу з) (?:сайт|ресурс|цим)",
    r"^(?:политика конфиденциальности|политика cookie|пользовательское соглашение"
    r"|політика конфіденційності|умови використання)\W*$",
)

_METADATA = _rx(
    r"^\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:[+-]\d{2}:?\d{2}|z)?)?$",
    r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s+\d{1,2}:\d{2})?$",
    r"^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?$",
    r"^[\W_]*(?:updated|published|posted|last updated|last modified|опубликовано|обновлено|обновлён"
    r"|оновлено|опубліковано)\b.{0,60}\d",
    r"^(?:tags?|topics|categories|filed under|теги|метки|рубрики|мітки|теми|темы)\s*(?::.*)?$",
    r"^(?:reading time|read time|время чтения|час читання)\b.{0,20}$",
    r"^\d+\s*(?:min(?:ute)?s?|мин(?:ут[аы]?)?|хв(?:илин[аи]?)?)\.?\s*(?:read|чтения|читання)$",
)

# Rules on a line's shape (numbers, dates), cheap enough to run on every line.
_SHAPE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("counter", _COUNTER),
    ("metadata", _METADATA),
)
# Rules on a line's words, run only on lines that pass the word gate below.
_PHRASE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ad", _AD),
    ("share", _SHARE_PROMPT),
    ("interface", _INTERFACE),
    ("comment_form", _COMMENT_FORM),
    ("teaser", _TEASER),
    ("teaser", _TEASER_HEADING),
    ("caption", _CAPTION_CREDIT),
    ("subscribe", _SUBSCRIBE),
    ("social", _SOCIAL),
    ("consent", _CONSENT),
)

# The word gate. Running every phrase rule on every line costs ~50 us a line (Python's
# re cannot skip ahead in an alternation that starts with \b). Each rule's literal word
# beginnings are collected from its pattern; a rule runs only on lines with a word
# starting with one of its stems, since a line without any cannot match it. The stems
# are derived from the patterns, so the gate follows the rules as they change. Very
# common short words (prepositions) are left out: no rule consists of them alone.
# tests/clean/test_furniture.py checks that gated and ungated results agree.
_GATE_STEM_CHARS = 7
_GATE_PREFIX_CHARS = 4
_GATE_STOPWORDS = frozenset(
    "a an at by in of on to the it and or for with our your this "
    "в у з на из от по мы ми нас и і та або или как як до за".split())
_GATE_SYMBOLS = {"©": "caption"}
_LETTERS = re.compile(r"[^\W\d_]+")


def _gate_stems(pattern: re.Pattern[str]) -> set[str]:
    stems = set()
    # Escapes (\b, \w, \[...) and character classes are not literal words.
    source = re.sub(r"\[[^\]]*\]", " ", re.sub(r"\\.", " ", pattern.pattern.casefold()))
    for run in re.finditer(r"([^\W\d_]+)([?*{]?)", source):
        words = (run.group(1), run.group(1)[:-1]) if run.group(2) else (run.group(1),)  # ads?
        stems.update(word[:_GATE_STEM_CHARS] for word in words
                     if len(word) >= 2 and word not in _GATE_STOPWORDS)
    return stems


def _build_gate() -> dict[str, int]:
    """Stem -> bit mask of the phrase rules (by position) that contain it."""
    gate: dict[str, int] = {}
    for position, (_, pattern) in enumerate(_PHRASE_RULES):
        for stem in _gate_stems(pattern):
            gate[stem] = gate.get(stem, 0) | 1 << position
    return gate


_GATE = _build_gate()
_SYMBOL_GATE = {symbol: sum(1 << i for i, (kind, _) in enumerate(_PHRASE_RULES) if kind == rule_kind)
                for symbol, rule_kind in _GATE_SYMBOLS.items()}


def _rules_to_run(text: str) -> int:
    """Bit mask of the phrase rules that could match ``text``."""
    mask = 0
    for symbol, bits in _SYMBOL_GATE.items():
        if symbol in text:
            mask |= bits
    for word in _LETTERS.findall(text.casefold()):
        # Short stems ("ad", "vk", "see") are whole words; longer ones may be inflected.
        mask |= _GATE.get(word, 0)
        for length in range(_GATE_PREFIX_CHARS, min(len(word), _GATE_STEM_CHARS) + 1):
            mask |= _GATE.get(word[:length], 0)
    return mask


def normalise_line(line: str) -> str:
    """A line's identity for repeat and template checks: its words, case-folded.

    Quotes, spacing and punctuation differ between copies of the same headline.
    """
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", line).casefold()))


def is_headline_like(line: str) -> bool:
    """A title, heading or teaser rather than a sentence: no closing full stop."""
    return len(line) <= MAX_HEADLINE_CHARS and not _SENTENCE_END.search(line.rstrip())


def _is_link_furniture(line: str) -> bool:
    """Links, @handles, emoji-bullet menus and "Site | VK | Chat" bars of channel footers."""
    if not (_LINK_HINT.search(line) or _STARTS_WITH_SYMBOL.match(line)):
        return False
    if _SOCIAL_URL.match(line):
        return True
    remainder = _HANDLE.sub(" ", _URL.sub(" ", line))
    if _DIGIT.search(remainder):
        return False
    words = _WORD.findall(remainder)
    # A link to an article or a document is a reference; a handle is a channel plug,
    # and so is a labelled link ("Listen: <url>", "Наш сайт: <url>").
    if _HANDLE.search(line) and len(words) <= 4:
        return True
    if _LABELLED_LINK.match(line):
        return True
    has_link = bool(_URL.search(line) or _HANDLE.search(line))
    segments = [s for s in re.split(r"[|•·]", remainder) if s.strip()]
    # A table row ("| Name | Score |") is content, a menu bar is not framed.
    framed = line.startswith("|") or line.endswith("|")
    names_a_channel = bool(_CHANNEL_NAV_WORDS.search(remainder))
    # "Курск | Белгород | Брянск" under an alert is content; "Сайт | Чат | VK" is a menu.
    if (names_a_channel and not framed and len(segments) >= 2
            and all(len(_WORD.findall(s)) <= 3 for s in segments)):
        return True
    starts_with_symbol = bool(_STARTS_WITH_SYMBOL.match(line))
    return (starts_with_symbol or has_link) and len(words) <= 5 and names_a_channel


def furniture_kind(line: str) -> str | None:
    """Which kind of furniture a single line is, judged on the line alone; None for content."""
    text = line.strip().translate(_QUOTES)
    if not text:
        return "empty"
    if len(text) > MAX_FURNITURE_CHARS:
        return "consent" if len(text) <= MAX_CONSENT_CHARS and _CONSENT.search(text) else None
    bare = _SYMBOL_RUN.sub(" ", text).strip()
    if not _LETTER_OR_DIGIT.search(bare):
        return "decoration"
    for kind, pattern in _SHAPE_RULES:
        if pattern.search(bare):
            return kind
    mask = _rules_to_run(bare)
    if mask:
        for position, (kind, pattern) in enumerate(_PHRASE_RULES):
            if mask >> position & 1 and pattern.search(bare):
                return kind
    words = bare.casefold().split()
    if all(w.strip(":,.!") in _SHARE_WORDS for w in words):
        return "share"
    if "@" in text and _EMAIL.search(text) and (_CONTACT.search(text) or _EMAIL.fullmatch(bare)):
        return "contact"
    if _is_link_furniture(text):
        return "links"
    return None


def _teaser_block_lines(lines: list[str], kinds: list[str | None], dropped: list[bool]) -> None:
    """Drops the headlines listed under a "Related"/"Читайте также" heading."""
    for index, (line, kind) in enumerate(zip(lines, kinds)):
        if kind != "teaser":
            continue
        # Under a bare heading any headline belongs to the list; after a "Related: X"
        # line only bulleted ones do (a plain heading there starts the next section).
        bare_heading = bool(_TEASER_HEADING.match(line))
        for follower in range(index + 1, min(len(lines), index + 1 + MAX_TEASER_BLOCK_LINES)):
            if dropped[follower]:
                continue
            candidate = lines[follower]
            if not (is_headline_like(candidate) and (bare_heading or _BULLET.match(candidate))):
                break
            dropped[follower] = True


def _is_echoed_headline(copies: list[str], positions: list[int]) -> bool:
    """A headline printed twice as a link to another story: the copies (which may differ
    in quotes and spacing, coming from the link text and the image title) sit next to
    each other. Headings repeated through a document (a recipe's "Meal 1", a table's
    header row, an interview's recurring question) are its structure and stay."""
    return is_headline_like(copies[0]) and any(
        b - a <= ECHO_DISTANCE for a, b in zip(positions, positions[1:]))


def _caption_cores(captions: Iterable[str]) -> set[str]:
    """A caption's words with and without its credit, to catch the caption repeated as a
    paragraph of the text."""
    cores = set()
    for caption in captions:
        for text in (caption, _CREDIT_TAIL.split(caption, maxsplit=1)[0]):
            key = normalise_line(text)
            if len(key.split()) >= MIN_CAPTION_WORDS:
                cores.add(key)
    return cores


def _repeats_title(line: str, title_words: set[str]) -> bool:
    """The page's headline, give or take the site name or SEO wording of its <title>."""
    words = set(normalise_line(line).split())
    if not words or not is_headline_like(line):
        return False
    shared = len(words & title_words)
    return shared >= TITLE_OVERLAP * len(words) and shared >= TITLE_OVERLAP * min(len(title_words), 12)


def _drop_leading_title(lines: list[str], dropped: list[bool], title: str) -> None:
    """The story's title is kept apart from its text: the headline heading the text
    goes, with a one- or two-word section label ("Review", "Opinion") printed above it."""
    title_words = set(normalise_line(title).split())
    head = [i for i, d in enumerate(dropped) if not d][:2]
    for position, index in enumerate(head):
        if _repeats_title(lines[index], title_words):
            dropped[index] = True
            if position == 1 and len(lines[head[0]].split()) <= 2 and is_headline_like(lines[head[0]]):
                dropped[head[0]] = True
            return


def _drop_template_header_and_footer(keys: list[str], dropped: list[bool],
                                     source_template: frozenset[str]) -> None:
    """Drops the source's template lines that open or close the item.

    Only a header or a footer is template: a recurring line between content lines is
    content (an alert channel's standard sentence is often an incident's evidence), and
    an item made only of template lines is content that recurs, kept whole.
    """
    kept = [i for i, drop in enumerate(dropped) if not drop]
    edge: list[int] = []
    for order in (kept, kept[::-1]):
        for index in order:
            if keys[index] not in source_template:
                break
            edge.append(index)
    if len(set(edge)) < len(kept):
        for index in edge:
            dropped[index] = True


def clean_lines(lines: Iterable[str], source_template: frozenset[str] = frozenset(),
                title: str | None = None, captions: Iterable[str] = ()) -> list[str]:
    """The content lines of a document, in order, with furniture removed.

    ``source_template``: normalised lines recurring across this source's items.
    ``title``: the page title given apart from the text; a first line repeating it goes.
    ``captions``: the page's image captions; a paragraph repeating one goes.
    """
    lines = [line.strip() for line in lines if line.strip()]
    kinds = [furniture_kind(line) for line in lines]
    dropped = [kind is not None for kind in kinds]
    _teaser_block_lines(lines, kinds, dropped)
    keys = [normalise_line(line) for line in lines]

    caption_cores = _caption_cores(
        [line for line, kind in zip(lines, kinds) if kind == "caption"] + list(captions))
    positions: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        positions.setdefault(key, []).append(index)
    echoed_headlines = {key for key, where in positions.items()
                        if len(where) > 1 and _is_echoed_headline([lines[i] for i in where], where)}
    seen: set[str] = set()
    for index, (line, key) in enumerate(zip(lines, keys)):
        if dropped[index]:
            continue
        if key in caption_cores or key in echoed_headlines:
            dropped[index] = True
        elif key in seen and not is_headline_like(line):
            # A repeated sentence is a layout echo (pull quote, caption): its first copy stays.
            dropped[index] = True
        seen.add(key)

    if source_template:
        _drop_template_header_and_footer(keys, dropped, source_template)

    if title:
        _drop_leading_title(lines, dropped, title)

    return [line for line, drop in zip(lines, dropped) if not drop]


def clean_text(text: str, source_template: frozenset[str] = frozenset(),
               title: str | None = None, captions: Iterable[str] = ()) -> str:
    """``clean_lines`` over a text's lines, joined by "\\n"."""
    return "\n".join(clean_lines(text.splitlines(), source_template, title, captions))
