"""Hand-checked part of the gazetteer: read by ``schemas.gazetteer_build`` only.

Package data gets the codes and the coordinates right but not the names news uses:
pycountry's English names are transliterations ("Kurskaya oblast'"), its Ukrainian
translations have errors (RU-SA is given as "Республіка Алтай", RU-KYA as
"Краснодарський край"), and GeoNames has no ISO 3166-2 codes. So every admin-1 region
is written out here by hand, and checked against pycountry by the build (same set of
codes) and by tests/incidents/test_gazetteer.py.

Region fields:
  code        ISO 3166-2 code (pycountry)
  name        the English name analysts write
  kind        oblast | krai | republic | okrug | city: decides the English suffixes
              generated ("Kursk Oblast", "Kursk region", "Krasnodar Krai", ...)
  en_stems    English stems the suffixes are added to ("Kursk" -> "Kursk region")
  en          English names matched as they are ("Tatarstan", "Republic of Tatarstan")
  ru, uk      Russian / Ukrainian names; the build adds every case form (pymorphy3)
  capital     (English, Russian) name of the administrative centre; its GeoNames
              record gives the region's coordinates, its time zone and the
              GeoNames admin1 code -> ISO code mapping
  locator     Russian name of another city of the region, when the capital lies in a
              different GeoNames admin1 unit (Kyiv Oblast's centre is Kyiv city)

Occupied and annexed Ukrainian regions keep their Ukrainian ISO codes whatever the
source calls them ("ДНР" -> UA-14, "Республика Крым" -> UA-43).

PLACES are the places whose name, region or existence is decided here rather than by
GeoNames: the spelling news uses for big cities, the town war news means by a name
several towns share, border villages, refinery and port towns, airbases. Every region's
capital is added as a hand place too (English name from REGIONS). The word lists at the
end keep ordinary words from being read as place names.
"""
from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class RegionEntry:
    code: str
    name: str
    kind: str
    capital: tuple[str, str]
    en_stems: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    ru: tuple[str, ...] = ()
    uk: tuple[str, ...] = ()
    locator: str | None = None


R = RegionEntry

REGIONS: tuple[RegionEntry, ...] = (
    # --- Russia: oblasts -------------------------------------------------------------
    R("RU-AMU", "Amur Oblast", "oblast", ("Blagoveshchensk", "Благовещенск"), ("Amur",),
      ru=("Амурская область",), uk=("Амурська область",)),
    R("RU-ARK", "Arkhangelsk Oblast", "oblast", ("Arkhangelsk", "Архангельск"), ("Arkhangelsk",),
      ru=("Архангельская область",), uk=("Архангельська область",)),
    R("RU-AST", "Astrakhan Oblast", "oblast", ("Astrakhan", "Астрахань"), ("Astrakhan",),
      ru=("Астраханская область",), uk=("Астраханська область",)),
    R("RU-BEL", "Belgorod Oblast", "oblast", ("Belgorod", "Белгород"), ("Belgorod",),
      ru=("Белгородская область", "Белгородчина"),
      uk=("Бєлгородська область", "Білгородська область", "Бєлгородщина", "Білгородщина")),
    R("RU-BRY", "Bryansk Oblast", "oblast", ("Bryansk", "Брянск"), ("Bryansk",),
      ru=("Брянская область", "Брянщина"), uk=("Брянська область", "Брянщина")),
    R("RU-CHE", "Chelyabinsk Oblast", "oblast", ("Chelyabinsk", "Челябинск"), ("Chelyabinsk",),
      ru=("Челябинская область",), uk=("Челябінська область",)),
    R("RU-IRK", "Irkutsk Oblast", "oblast", ("Irkutsk", "Иркутск"), ("Irkutsk",),
      ru=("Иркутская область",), uk=("Іркутська область",)),
    R("RU-IVA", "Ivanovo Oblast", "oblast", ("Ivanovo", "Иваново"), ("Ivanovo",),
      ru=("Ивановская область",), uk=("Іванівська область",)),
    R("RU-KEM", "Kemerovo Oblast", "oblast", ("Kemerovo", "Кемерово"), ("Kemerovo",),
      en=("Kuzbass",), ru=("Кемеровская область", "Кузбасс"), uk=("Кемеровська область", "Кузбас")),
    R("RU-KGD", "Kaliningrad Oblast", "oblast", ("Kaliningrad", "Калининград"), ("Kaliningrad",),
      ru=("Калининградская область",), uk=("Калінінградська область",)),
    R("RU-KGN", "Kurgan Oblast", "oblast", ("Kurgan", "Курган"), ("Kurgan",),
      ru=("Курганская область",), uk=("Курганська область",)),
    R("RU-KIR", "Kirov Oblast", "oblast", ("Kirov", "Киров"), ("Kirov",),
      ru=("Кировская область",), uk=("Кіровська область",)),
    R("RU-KLU", "Kaluga Oblast", "oblast", ("Kaluga", "Калуга"), ("Kaluga",),
      ru=("Калужская область",), uk=("Калузька область",)),
    R("RU-KOS", "Kostroma Oblast", "oblast", ("Kostroma", "Кострома"), ("Kostroma",),
      ru=("Костромская область",), uk=("Костромська область",)),
    R("RU-KRS", "Kursk Oblast", "oblast", ("Kursk", "Курск"), ("Kursk",),
      ru=("Курская область", "Курщина"), uk=("Курська область", "Курщина")),
    R("RU-LEN", "Leningrad Oblast", "oblast", ("Gatchina", "Гатчина"), ("Leningrad",),
      ru=("Ленинградская область", "Ленобласть"), uk=("Ленінградська область",)),
    R("RU-LIP", "Lipetsk Oblast", "oblast", ("Lipetsk", "Липецк"), ("Lipetsk",),
      ru=("Липецкая область",), uk=("Липецька область", "Ліпецька область")),
    R("RU-MAG", "Magadan Oblast", "oblast", ("Magadan", "Магадан"), ("Magadan",),
      ru=("Магаданская область",), uk=("Магаданська область",)),
    R("RU-MOS", "Moscow Oblast", "oblast", ("Krasnogorsk", "Красногорск"), ("Moscow",),
      ru=("Московская область", "Подмосковье"), uk=("Московська область", "Підмосков'я")),
    R("RU-MUR", "Murmansk Oblast", "oblast", ("Murmansk", "Мурманск"), ("Murmansk",),
      ru=("Мурманская область",), uk=("Мурманська область",)),
    R("RU-NGR", "Novgorod Oblast", "oblast", ("Veliky Novgorod", "Великий Новгород"), ("Novgorod",),
      ru=("Новгородская область",), uk=("Новгородська область",)),
    R("RU-NIZ", "Nizhny Novgorod Oblast", "oblast", ("Nizhny Novgorod", "Нижний Новгород"),
      ("Nizhny Novgorod", "Nizhni Novgorod", "Nizhniy Novgorod"),
      ru=("Нижегородская область",), uk=("Нижньогородська область",)),
    R("RU-NVS", "Novosibirsk Oblast", "oblast", ("Novosibirsk", "Новосибирск"), ("Novosibirsk",),
      ru=("Новосибирская область",), uk=("Новосибірська область",)),
    R("RU-OMS", "Omsk Oblast", "oblast", ("Omsk", "Омск"), ("Omsk",),
      ru=("Омская область",), uk=("Омська область",)),
    R("RU-ORE", "Orenburg Oblast", "oblast", ("Orenburg", "Оренбург"), ("Orenburg",),
      ru=("Оренбургская область",), uk=("Оренбурзька область",)),
    R("RU-ORL", "Oryol Oblast", "oblast", ("Oryol", "Орёл"), ("Oryol", "Orel", "Oryol"),
      ru=("Орловская область", "Орловщина"), uk=("Орловська область",)),
    R("RU-PNZ", "Penza Oblast", "oblast", ("Penza", "Пенза"), ("Penza",),
      ru=("Пензенская область",), uk=("Пензенська область",)),
    R("RU-PSK", "Pskov Oblast", "oblast", ("Pskov", "Псков"), ("Pskov",),
      ru=("Псковская область",), uk=("Псковська область",)),
    R("RU-ROS", "Rostov Oblast", "oblast", ("Rostov-on-Don", "Ростов-на-Дону"), ("Rostov",),
      ru=("Ростовская область",), uk=("Ростовська область",)),
    R("RU-RYA", "Ryazan Oblast", "oblast", ("Ryazan", "Рязань"), ("Ryazan",),
      ru=("Рязанская область",), uk=("Рязанська область",)),
    R("RU-SAK", "Sakhalin Oblast", "oblast", ("Yuzhno-Sakhalinsk", "Южно-Сахалинск"), ("Sakhalin",),
      ru=("Сахалинская область",), uk=("Сахалінська область",)),
    R("RU-SAM", "Samara Oblast", "oblast", ("Samara", "Самара"), ("Samara",),
      ru=("Самарская область",), uk=("Самарська область",)),
    R("RU-SAR", "Saratov Oblast", "oblast", ("Saratov", "Саратов"), ("Saratov",),
      ru=("Саратовская область",), uk=("Саратовська область",)),
    R("RU-SMO", "Smolensk Oblast", "oblast", ("Smolensk", "Смоленск"), ("Smolensk",),
      ru=("Смоленская область", "Смоленщина"), uk=("Смоленська область", "Смоленщина")),
    R("RU-SVE", "Sverdlovsk Oblast", "oblast", ("Yekaterinburg", "Екатеринбург"), ("Sverdlovsk",),
      ru=("Свердловская область",), uk=("Свердловська область",)),
    R("RU-TAM", "Tambov Oblast", "oblast", ("Tambov", "Тамбов"), ("Tambov",),
      ru=("Тамбовская область",), uk=("Тамбовська область",)),
    R("RU-TOM", "Tomsk Oblast", "oblast", ("Tomsk", "Томск"), ("Tomsk",),
      ru=("Томская область",), uk=("Томська область",)),
    R("RU-TUL", "Tula Oblast", "oblast", ("Tula", "Тула"), ("Tula",),
      ru=("Тульская область",), uk=("Тульська область",)),
    R("RU-TVE", "Tver Oblast", "oblast", ("Tver", "Тверь"), ("Tver",),
      ru=("Тверская область",), uk=("Тверська область",)),
    R("RU-TYU", "Tyumen Oblast", "oblast", ("Tyumen", "Тюмень"), ("Tyumen",),
      ru=("Тюменская область",), uk=("Тюменська область",)),
    R("RU-ULY", "Ulyanovsk Oblast", "oblast", ("Ulyanovsk", "Ульяновск"), ("Ulyanovsk",),
      ru=("Ульяновская область",), uk=("Ульяновська область", "Ульянівська область")),
    R("RU-VGG", "Volgograd Oblast", "oblast", ("Volgograd", "Волгоград"), ("Volgograd",),
      ru=("Волгоградская область",), uk=("Волгоградська область",)),
    R("RU-VLA", "Vladimir Oblast", "oblast", ("Vladimir", "Владимир"), ("Vladimir",),
      ru=("Владимирская область",), uk=("Владимирська область",)),
    R("RU-VLG", "Vologda Oblast", "oblast", ("Vologda", "Вологда"), ("Vologda",),
      ru=("Вологодская область",), uk=("Вологодська область",)),
    R("RU-VOR", "Voronezh Oblast", "oblast", ("Voronezh", "Воронеж"), ("Voronezh",),
      ru=("Воронежская область",), uk=("Воронезька область",)),
    R("RU-YAR", "Yaroslavl Oblast", "oblast", ("Yaroslavl", "Ярославль"), ("Yaroslavl",),
      ru=("Ярославская область",), uk=("Ярославська область",)),
    R("RU-YEV", "Jewish Autonomous Oblast", "okrug", ("Birobidzhan", "Биробиджан"),
      en=("Jewish Autonomous Oblast", "Jewish Autonomous Region"),
      ru=("Еврейская автономная область",), uk=("Єврейська автономна область",)),
    # --- Russia: krais ---------------------------------------------------------------
    R("RU-ALT", "Altai Krai", "krai", ("Barnaul", "Барнаул"), ("Altai", "Altay"),
      ru=("Алтайский край",), uk=("Алтайський край",)),
    R("RU-KAM", "Kamchatka Krai", "krai", ("Petropavlovsk-Kamchatsky", "Петропавловск-Камчатский"),
      ("Kamchatka",), en=("Kamchatka",), ru=("Камчатский край", "Камчатка"),
      uk=("Камчатський край", "Камчатка")),
    R("RU-KDA", "Krasnodar Krai", "krai", ("Krasnodar", "Краснодар"), ("Krasnodar",),
      en=("Kuban",), ru=("Краснодарский край", "Кубань"), uk=("Краснодарський край", "Кубань")),
    R("RU-KHA", "Khabarovsk Krai", "krai", ("Khabarovsk", "Хабаровск"), ("Khabarovsk",),
      ru=("Хабаровский край",), uk=("Хабаровський край",)),
    R("RU-KYA", "Krasnoyarsk Krai", "krai", ("Krasnoyarsk", "Красноярск"), ("Krasnoyarsk",),
      ru=("Красноярский край",), uk=("Красноярський край",)),
    R("RU-PER", "Perm Krai", "krai", ("Perm", "Пермь"), ("Perm",),
      ru=("Пермский край", "Прикамье"), uk=("Пермський край",)),
    R("RU-PRI", "Primorsky Krai", "krai", ("Vladivostok", "Владивосток"), ("Primorsky", "Primorye"),
      en=("Primorye",), ru=("Приморский край", "Приморье"), uk=("Приморський край",)),
    R("RU-STA", "Stavropol Krai", "krai", ("Stavropol", "Ставрополь"), ("Stavropol",),
      ru=("Ставропольский край", "Ставрополье"), uk=("Ставропольський край",)),
    R("RU-ZAB", "Zabaykalsky Krai", "krai", ("Chita", "Чита"), ("Zabaykalsky", "Zabaikalsky", "Trans-Baikal"),
      ru=("Забайкальский край", "Забайкалье"), uk=("Забайкальський край",)),
    # --- Russia: republics -----------------------------------------------------------
    R("RU-AD", "Republic of Adygea", "republic", ("Maykop", "Майкоп"),
      en=("Adygea", "Adygeya", "Adyghe Republic"),
      ru=("Республика Адыгея", "Адыгея"), uk=("Республіка Адигея", "Адигея")),
    R("RU-AL", "Altai Republic", "republic", ("Gorno-Altaysk", "Горно-Алтайск"),
      en=("Republic of Altai", "Gorno-Altai"),
      ru=("Республика Алтай", "Горный Алтай"), uk=("Республіка Алтай", "Гірський Алтай")),
    R("RU-BA", "Republic of Bashkortostan", "republic", ("Ufa", "Уфа"),
      en=("Bashkortostan", "Bashkiria", "Bashkir Republic"),
      ru=("Республика Башкортостан", "Башкортостан", "Башкирия"),
      uk=("Республіка Башкортостан", "Башкортостан", "Башкирія")),
    R("RU-BU", "Republic of Buryatia", "republic", ("Ulan-Ude", "Улан-Удэ"),
      en=("Buryatia", "Buryat Republic"), ru=("Республика Бурятия", "Бурятия"),
      uk=("Республіка Бурятія", "Бурятія")),
    R("RU-CE", "Chechen Republic", "republic", ("Grozny", "Грозный"),
      en=("Chechnya", "Chechen Republic"), ru=("Чеченская Республика", "Чечня"),
      uk=("Чеченська Республіка", "Чечня")),
    R("RU-CU", "Chuvash Republic", "republic", ("Cheboksary", "Чебоксары"),
      en=("Chuvashia", "Republic of Chuvashia"), ru=("Чувашская Республика", "Чувашия"),
      uk=("Чуваська Республіка", "Чувашія")),
    R("RU-DA", "Republic of Dagestan", "republic", ("Makhachkala", "Махачкала"),
      en=("Dagestan", "Daghestan"), ru=("Республика Дагестан", "Дагестан"),
      uk=("Республіка Дагестан", "Дагестан")),
    R("RU-IN", "Republic of Ingushetia", "republic", ("Magas", "Магас"),
      en=("Ingushetia",), ru=("Республика Ингушетия", "Ингушетия"),
      uk=("Республіка Інгушетія", "Інгушетія")),
    R("RU-KB", "Kabardino-Balkar Republic", "republic", ("Nalchik", "Нальчик"),
      en=("Kabardino-Balkaria",), ru=("Кабардино-Балкарская Республика", "Кабардино-Балкария"),
      uk=("Кабардино-Балкарська Республіка", "Кабардино-Балкарія")),
    R("RU-KC", "Karachay-Cherkess Republic", "republic", ("Cherkessk", "Черкесск"),
      en=("Karachay-Cherkessia", "Karachayevo-Cherkessia"),
      ru=("Карачаево-Черкесская Республика", "Карачаево-Черкесия"),
      uk=("Карачаєво-Черкеська Республіка", "Карачаєво-Черкесія")),
    R("RU-KK", "Republic of Khakassia", "republic", ("Abakan", "Абакан"),
      en=("Khakassia", "Khakasia"), ru=("Республика Хакасия", "Хакасия"),
      uk=("Республіка Хакасія", "Хакасія")),
    R("RU-KL", "Republic of Kalmykia", "republic", ("Elista", "Элиста"),
      en=("Kalmykia",), ru=("Республика Калмыкия", "Калмыкия"), uk=("Республіка Калмикія", "Калмикія")),
    R("RU-KO", "Komi Republic", "republic", ("Syktyvkar", "Сыктывкар"),
      en=("Republic of Komi",), ru=("Республика Коми",), uk=("Республіка Комі",)),
    R("RU-KR", "Republic of Karelia", "republic", ("Petrozavodsk", "Петрозаводск"),
      en=("Karelia",), ru=("Республика Карелия", "Карелия"), uk=("Республіка Карелія", "Карелія")),
    R("RU-ME", "Mari El Republic", "republic", ("Yoshkar-Ola", "Йошкар-Ола"),
      en=("Mari El", "Republic of Mari El"), ru=("Республика Марий Эл", "Марий Эл"),
      uk=("Республіка Марій Ел", "Марій Ел")),
    R("RU-MO", "Republic of Mordovia", "republic", ("Saransk", "Саранск"),
      en=("Mordovia",), ru=("Республика Мордовия", "Мордовия"), uk=("Республіка Мордовія", "Мордовія")),
    R("RU-SA", "Sakha Republic", "republic", ("Yakutsk", "Якутск"),
      en=("Yakutia", "Republic of Sakha", "Sakha (Yakutia)"),
      ru=("Республика Саха", "Якутия"), uk=("Республіка Саха", "Якутія")),
    R("RU-SE", "Republic of North Ossetia-Alania", "republic", ("Vladikavkaz", "Владикавказ"),
      en=("North Ossetia", "North Ossetia-Alania"),
      ru=("Республика Северная Осетия", "Северная Осетия"),
      uk=("Республіка Північна Осетія", "Північна Осетія")),
    R("RU-TA", "Republic of Tatarstan", "republic", ("Kazan", "Казань"),
      en=("Tatarstan", "Tatarstan Republic"), ru=("Республика Татарстан", "Татарстан"),
      uk=("Республіка Татарстан", "Татарстан")),
    R("RU-TY", "Tuva Republic", "republic", ("Kyzyl", "Кызыл"),
      en=("Tuva", "Tyva", "Republic of Tuva"), ru=("Республика Тыва", "Тыва", "Тува"),
      uk=("Республіка Тива", "Тува")),
    R("RU-UD", "Udmurt Republic", "republic", ("Izhevsk", "Ижевск"),
      en=("Udmurtia", "Republic of Udmurtia"), ru=("Удмуртская Республика", "Удмуртия"),
      uk=("Удмуртська Республіка", "Удмуртія")),
    # --- Russia: autonomous okrugs and federal cities ----------------------------------
    R("RU-CHU", "Chukotka Autonomous Okrug", "okrug", ("Anadyr", "Анадырь"),
      en=("Chukotka",), ru=("Чукотский автономный округ", "Чукотка"),
      uk=("Чукотський автономний округ", "Чукотка")),
    R("RU-KHM", "Khanty-Mansi Autonomous Okrug", "okrug", ("Khanty-Mansiysk", "Ханты-Мансийск"),
      en=("Khanty-Mansi Autonomous Okrug-Yugra", "Yugra", "Khanty-Mansi"),
      ru=("Ханты-Мансийский автономный округ", "Югра"),
      uk=("Ханти-Мансійський автономний округ", "Югра")),
    R("RU-NEN", "Nenets Autonomous Okrug", "okrug", ("Naryan-Mar", "Нарьян-Мар"),
      ru=("Ненецкий автономный округ",), uk=("Ненецький автономний округ",)),
    R("RU-YAN", "Yamalo-Nenets Autonomous Okrug", "okrug", ("Salekhard", "Салехард"),
      en=("Yamal",), ru=("Ямало-Ненецкий автономный округ", "Ямал"),
      uk=("Ямало-Ненецький автономний округ", "Ямал")),
    # Federal cities: the city is a place of its own region, so "Moscow" names the city
    # (RU-MOW, place Moscow) and "Moscow region" names RU-MOS.
    R("RU-MOW", "Moscow", "city", ("Moscow", "Москва")),
    R("RU-SPE", "Saint Petersburg", "city", ("Saint Petersburg", "Санкт-Петербург")),
    # --- Ukraine -----------------------------------------------------------------------
    R("UA-05", "Vinnytsia Oblast", "oblast", ("Vinnytsia", "Винница"), ("Vinnytsia", "Vinnitsa"),
      ru=("Винницкая область",), uk=("Вінницька область", "Вінниччина")),
    R("UA-07", "Volyn Oblast", "oblast", ("Lutsk", "Луцк"), ("Volyn",),
      en=("Volhynia",), ru=("Волынская область",), uk=("Волинська область", "Волинь")),
    R("UA-09", "Luhansk Oblast", "oblast", ("Luhansk", "Луганск"), ("Luhansk", "Lugansk"),
      en=("Luhansk People's Republic", "Lugansk People's Republic", "LPR", "LNR"),
      ru=("Луганская область", "Луганская Народная Республика", "ЛНР", "Луганщина"),
      uk=("Луганська область", "Луганщина")),
    R("UA-12", "Dnipropetrovsk Oblast", "oblast", ("Dnipro", "Днепр"),
      ("Dnipropetrovsk", "Dnepropetrovsk", "Dnipro"),
      ru=("Днепропетровская область", "Днепропетровщина"),
      uk=("Дніпропетровська область", "Дніпропетровщина", "Дніпровщина")),
    R("UA-14", "Donetsk Oblast", "oblast", ("Donetsk", "Донецк"), ("Donetsk",),
      en=("Donetsk People's Republic", "DPR", "DNR"),
      ru=("Донецкая область", "Донецкая Народная Республика", "ДНР"),
      uk=("Донецька область", "Донеччина")),
    R("UA-18", "Zhytomyr Oblast", "oblast", ("Zhytomyr", "Житомир"), ("Zhytomyr", "Zhitomir"),
      ru=("Житомирская область",), uk=("Житомирська область", "Житомирщина")),
    R("UA-21", "Zakarpattia Oblast", "oblast", ("Uzhhorod", "Ужгород"), ("Zakarpattia", "Transcarpathian"),
      en=("Transcarpathia", "Zakarpattia"), ru=("Закарпатская область", "Закарпатье"),
      uk=("Закарпатська область", "Закарпаття")),
    R("UA-23", "Zaporizhzhia Oblast", "oblast", ("Zaporizhzhia", "Запорожье"),
      ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporozhzhia"),
      ru=("Запорожская область",), uk=("Запорізька область", "Запоріжчина")),
    R("UA-26", "Ivano-Frankivsk Oblast", "oblast", ("Ivano-Frankivsk", "Ивано-Франковск"),
      ("Ivano-Frankivsk", "Ivano-Frankovsk"), en=("Prykarpattia",),
      ru=("Ивано-Франковская область", "Прикарпатье"),
      uk=("Івано-Франківська область", "Прикарпаття", "Івано-Франківщина")),
    R("UA-30", "Kyiv", "city", ("Kyiv", "Киев")),
    R("UA-32", "Kyiv Oblast", "oblast", ("Kyiv", "Киев"), ("Kyiv", "Kiev"),
      ru=("Киевская область", "Киевщина"), uk=("Київська область", "Київщина"),
      locator="Белая Церковь"),
    R("UA-35", "Kirovohrad Oblast", "oblast", ("Kropyvnytskyi", "Кропивницкий"),
      ("Kirovohrad", "Kirovograd", "Kropyvnytskyi"),
      ru=("Кировоградская область",), uk=("Кіровоградська область", "Кіровоградщина")),
    R("UA-40", "Sevastopol", "city", ("Sevastopol", "Севастополь")),
    R("UA-43", "Autonomous Republic of Crimea", "republic", ("Simferopol", "Симферополь"),
      en=("Crimea", "Crimean Peninsula", "Crimean peninsula", "Republic of Crimea"),
      ru=("Крым", "Республика Крым", "Автономная Республика Крым", "Крымский полуостров"),
      uk=("Крим", "Автономна Республіка Крим", "Кримський півострів")),
    R("UA-46", "Lviv Oblast", "oblast", ("Lviv", "Львов"), ("Lviv", "Lvov"),
      ru=("Львовская область",), uk=("Львівська область", "Львівщина")),
    R("UA-48", "Mykolaiv Oblast", "oblast", ("Mykolaiv", "Николаев"), ("Mykolaiv", "Nikolaev", "Nikolayev"),
      ru=("Николаевская область",), uk=("Миколаївська область", "Миколаївщина")),
    R("UA-51", "Odesa Oblast", "oblast", ("Odesa", "Одесса"), ("Odesa", "Odessa"),
      ru=("Одесская область",), uk=("Одеська область", "Одещина")),
    R("UA-53", "Poltava Oblast", "oblast", ("Poltava", "Полтава"), ("Poltava",),
      ru=("Полтавская область",), uk=("Полтавська область", "Полтавщина")),
    R("UA-56", "Rivne Oblast", "oblast", ("Rivne", "Ровно"), ("Rivne", "Rovno"),
      ru=("Ровненская область",), uk=("Рівненська область", "Рівненщина")),
    R("UA-59", "Sumy Oblast", "oblast", ("Sumy", "Сумы"), ("Sumy",),
      ru=("Сумская область", "Сумщина"), uk=("Сумська область", "Сумщина")),
    R("UA-61", "Ternopil Oblast", "oblast", ("Ternopil", "Тернополь"), ("Ternopil",),
      ru=("Тернопольская область",), uk=("Тернопільська область", "Тернопільщина")),
    R("UA-63", "Kharkiv Oblast", "oblast", ("Kharkiv", "Харьков"), ("Kharkiv", "Kharkov"),
      ru=("Харьковская область", "Харьковщина"), uk=("Харківська область", "Харківщина")),
    R("UA-65", "Kherson Oblast", "oblast", ("Kherson", "Херсон"), ("Kherson",),
      ru=("Херсонская область", "Херсонщина"), uk=("Херсонська область", "Херсонщина")),
    R("UA-68", "Khmelnytskyi Oblast", "oblast", ("Khmelnytskyi", "Хмельницкий"),
      ("Khmelnytskyi", "Khmelnytsky", "Khmelnitsky"),
      ru=("Хмельницкая область",), uk=("Хмельницька область", "Хмельниччина")),
    R("UA-71", "Cherkasy Oblast", "oblast", ("Cherkasy", "Черкассы"), ("Cherkasy", "Cherkassy"),
      ru=("Черкасская область",), uk=("Черкаська область", "Черкащина")),
    R("UA-74", "Chernihiv Oblast", "oblast", ("Chernihiv", "Чернигов"), ("Chernihiv", "Chernigov"),
      ru=("Черниговская область", "Черниговщина"), uk=("Чернігівська область", "Чернігівщина")),
    R("UA-77", "Chernivtsi Oblast", "oblast", ("Chernivtsi", "Черновцы"), ("Chernivtsi", "Chernovtsy"),
      en=("Bukovina",), ru=("Черновицкая область", "Буковина"), uk=("Чернівецька область", "Буковина")),
)


@dataclasses.dataclass(frozen=True)
class PlaceEntry:
    """A place war news names that GeoNames lacks, names oddly, or shares with others.

    ``ru`` finds the place in GeoNames inside ``region`` (its coordinates and population
    are then GeoNames'); ``latitude``/``longitude`` are only for places GeoNames lacks
    (airbases), read off published coordinates to about 0.02 degrees.
    """

    name: str
    region: str
    kind: str
    ru: str
    uk: str = ""
    en: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    forms: tuple[str, ...] = ()  # case forms pymorphy3 misses ("Кривому Розі")


P = PlaceEntry

PLACES: tuple[PlaceEntry, ...] = (
    # Capitals and big cities whose GeoNames spelling is not the one news uses.
    P("Moscow", "RU-MOW", "city", "Москва", "Москва"),
    P("Saint Petersburg", "RU-SPE", "city", "Санкт-Петербург", "Санкт-Петербург",
      ("St Petersburg", "St. Petersburg", "Petersburg", "Saint-Petersburg")),
    P("Kyiv", "UA-30", "city", "Киев", "Київ", ("Kiev",)),
    P("Sevastopol", "UA-40", "city", "Севастополь", "Севастополь", ("Sebastopol",)),
    P("Simferopol", "UA-43", "city", "Симферополь", "Сімферополь"),
    P("Rostov-on-Don", "RU-ROS", "city", "Ростов-на-Дону", "Ростов-на-Дону",
      ("Rostov", "Rostov-na-Donu")),
    P("Nizhny Novgorod", "RU-NIZ", "city", "Нижний Новгород", "Нижній Новгород",
      ("Nizhni Novgorod", "Nizhniy Novgorod")),
    P("Veliky Novgorod", "RU-NGR", "city", "Великий Новгород", "Великий Новгород",
      ("Novgorod",)),
    P("Oryol", "RU-ORL", "city", "Орёл", "Орел", ("Orel",)),
    P("Yekaterinburg", "RU-SVE", "city", "Екатеринбург", "Єкатеринбург", ("Ekaterinburg",)),
    P("Kryvyi Rih", "UA-12", "city", "Кривой Рог", "Кривий Ріг", ("Krivoy Rog", "Kryvyy Rih"),
      forms=("Кривому Розі", "Кривім Розі")),
    P("Dnipro", "UA-12", "city", "Днепр", "Дніпро", ("Dnepropetrovsk", "Dnipropetrovsk")),
    P("Zaporizhzhia", "UA-23", "city", "Запорожье", "Запоріжжя",
      ("Zaporizhia", "Zaporozhye", "Zaporozhzhia")),
    P("Odesa", "UA-51", "city", "Одесса", "Одеса", ("Odessa",)),
    P("Mykolaiv", "UA-48", "city", "Николаев", "Миколаїв", ("Nikolaev", "Nikolayev")),
    P("Kharkiv", "UA-63", "city", "Харьков", "Харків", ("Kharkov",)),
    P("Kropyvnytskyi", "UA-35", "city", "Кропивницкий", "Кропивницький",
      ("Kirovohrad", "Kirovograd")),
    P("Khmelnytskyi", "UA-68", "city", "Хмельницкий", "Хмельницький",
      ("Khmelnytsky", "Khmelnitsky")),
    P("Vinnytsia", "UA-05", "city", "Винница", "Вінниця", ("Vinnitsa",)),
    P("Lviv", "UA-46", "city", "Львов", "Львів", ("Lvov",)),
    P("Luhansk", "UA-09", "city", "Луганск", "Луганськ", ("Lugansk",)),
    P("Chernihiv", "UA-74", "city", "Чернигов", "Чернігів", ("Chernigov",)),
    P("Cherkasy", "UA-71", "city", "Черкассы", "Черкаси", ("Cherkassy",)),
    P("Chernivtsi", "UA-77", "city", "Черновцы", "Чернівці", ("Chernovtsy",)),
    P("Rivne", "UA-56", "city", "Ровно", "Рівне", ("Rovno",)),
    P("Zhytomyr", "UA-18", "city", "Житомир", "Житомир", ("Zhitomir",)),
    P("Petropavlovsk-Kamchatsky", "RU-KAM", "city", "Петропавловск-Камчатский",
      "Петропавловськ-Камчатський"),
    # Names shared by several towns: the one war news means.
    P("Zheleznogorsk", "RU-KRS", "town", "Железногорск", "Залізногорськ"),
    P("Rossosh", "RU-VOR", "town", "Россошь", "Россош"),
    P("Pokrovsk", "UA-14", "town", "Покровск", "Покровськ"),
    P("Lyman", "UA-14", "town", "Лиман", "Лиман"),
    P("Vovchansk", "UA-63", "town", "Волчанск", "Вовчанськ", ("Volchansk",)),
    P("Kostiantynivka", "UA-14", "town", "Константиновка", "Костянтинівка",
      ("Konstantinovka", "Kostyantynivka")),
    P("Toretsk", "UA-14", "town", "Торецк", "Торецьк"),
    P("Avdiivka", "UA-14", "town", "Авдеевка", "Авдіївка", ("Avdeevka", "Avdeyevka")),
    P("Azov", "RU-ROS", "town", "Азов", "Азов"),
    P("Primorsk", "RU-LEN", "port", "Приморск", "Приморськ"),
    P("Kamianske", "UA-12", "city", "Каменское", "Кам'янське", ("Kamyanske", "Dniprodzerzhynsk")),
    # "Марганец" is Russian for manganese: GeoNames' Russian name is left out as a common word.
    P("Marhanets", "UA-12", "town", "Марганец", "Марганець", ("Marganets",)),
    P("Hulyaipole", "UA-23", "town", "Гуляйполе", "Гуляйполе", ("Huliaipole", "Gulyaipole")),
    P("Kupiansk", "UA-63", "town", "Купянск", "Куп'янськ", ("Kupyansk",)),
    # Novomoskovsk (Dnipropetrovsk Oblast) was renamed Samar in 2024; its Cyrillic names
    # are left to Samara and Novomoskovsk (Tula Oblast), whose case forms they share.
    P("Samar", "UA-12", "town", "", "", ("Samar",), 48.62893, 35.2589),
    P("Bakhmut", "UA-14", "town", "Бахмут", "Бахмут", ("Artemivsk", "Artemovsk")),
    P("Sloviansk", "UA-14", "city", "Славянск", "Слов'янськ", ("Slovyansk", "Slavyansk")),
    P("Zolochiv", "UA-63", "town", "Золочев", "Золочів"),
    # Border towns and villages (Russia).
    P("Shebekino", "RU-BEL", "town", "Шебекино", "Шебекине"),
    P("Graivoron", "RU-BEL", "town", "Грайворон", "Грайворон", ("Grayvoron",)),
    P("Valuyki", "RU-BEL", "town", "Валуйки", "Валуйки"),
    P("Urazovo", "RU-BEL", "village", "Уразово", "Уразове"),
    P("Kozinka", "RU-BEL", "village", "Козинка", "Козинка"),
    P("Tyotkino", "RU-KRS", "village", "Тёткино", "Тьоткіно", ("Tetkino",)),
    P("Sudzha", "RU-KRS", "town", "Суджа", "Суджа"),
    P("Glushkovo", "RU-KRS", "village", "Глушково", "Глушкове"),
    P("Korenevo", "RU-KRS", "village", "Коренево", "Коренєво"),
    P("Rylsk", "RU-KRS", "town", "Рыльск", "Рильськ"),
    P("Lgov", "RU-KRS", "town", "Льгов", "Льгов"),
    P("Kurchatov", "RU-KRS", "town", "Курчатов", "Курчатов"),
    P("Khomutovka", "RU-KRS", "village", "Хомутовка", "Хомутовка"),
    P("Oboyan", "RU-KRS", "town", "Обоянь", "Обоянь"),
    P("Klintsy", "RU-BRY", "town", "Клинцы", "Клинці"),
    P("Novozybkov", "RU-BRY", "town", "Новозыбков", "Новозибков"),
    P("Starodub", "RU-BRY", "town", "Стародуб", "Стародуб"),
    P("Pogar", "RU-BRY", "town", "Погар", "Погар"),
    P("Sevsk", "RU-BRY", "town", "Севск", "Севськ"),
    P("Suzemka", "RU-BRY", "village", "Суземка", "Суземка"),
    P("Klimovo", "RU-BRY", "village", "Климово", "Климове"),
    P("Trubchevsk", "RU-BRY", "town", "Трубчевск", "Трубчевськ"),
    # Towns whose Cyrillic name GeoNames lacks in one language, though district names
    # ("Лискинский район", "Новгород-Сіверський район") are made from it.
    P("Liski", "RU-VOR", "town", "Лиски", "Лиски"),
    # The nuclear plant towns war news names, however small.
    P("Chornobyl", "UA-32", "town", "Чернобыль", "Чорнобиль", ("Chernobyl",)),
    P("Novhorod-Siverskyi", "UA-74", "town", "Новгород-Северский", "Новгород-Сіверський",
      ("Novgorod-Seversky", "Novgorod-Severskiy")),
    # Border and front-line towns and villages (Ukraine).
    P("Kozacha Lopan", "UA-63", "village", "Казачья Лопань", "Козача Лопань"),
    P("Bilopillia", "UA-59", "town", "Белополье", "Білопілля", ("Bilopillya",)),
    P("Krasnopillia", "UA-59", "village", "Краснополье", "Краснопілля", ("Krasnopillya",)),
    P("Seredyna-Buda", "UA-59", "town", "Середина-Буда", "Середина-Буда"),
    P("Yunakivka", "UA-59", "village", "Юнаковка", "Юнаківка"),
    P("Kreminna", "UA-09", "town", "Кременная", "Кремінна"),
    P("Siversk", "UA-14", "town", "Северск", "Сіверськ"),
    P("Vuhledar", "UA-14", "town", "Угледар", "Вугледар", ("Ugledar",)),
    P("Orikhiv", "UA-23", "town", "Орехов", "Оріхів"),
    P("Kakhovka", "UA-65", "town", "Каховка", "Каховка"),
    P("Oleshky", "UA-65", "town", "Алешки", "Олешки"),
    P("Hola Prystan", "UA-65", "town", "Голая Пристань", "Гола Пристань"),
    # Refinery, oil-depot and power-plant towns.
    P("Afipsky", "RU-KDA", "refinery", "Афипский", "Афіпський", ("Afipskiy", "Afipskii")),
    P("Ilsky", "RU-KDA", "refinery", "Ильский", "Ільський", ("Ilskiy",)),
    P("Tuapse", "RU-KDA", "port", "Туапсе", "Туапсе"),
    P("Novorossiysk", "RU-KDA", "port", "Новороссийск", "Новоросійськ", ("Novorossiisk",)),
    P("Ust-Luga", "RU-LEN", "port", "Усть-Луга", "Усть-Луга"),
    P("Kstovo", "RU-NIZ", "refinery", "Кстово", "Кстово"),
    P("Novokuibyshevsk", "RU-SAM", "refinery", "Новокуйбышевск", "Новокуйбишевськ",
      ("Novokuybyshevsk",)),
    P("Syzran", "RU-SAM", "refinery", "Сызрань", "Сизрань"),
    P("Novoshakhtinsk", "RU-ROS", "refinery", "Новошахтинск", "Новошахтинськ"),
    P("Kirishi", "RU-LEN", "refinery", "Кириши", "Кіріші"),
    P("Kropotkin", "RU-KDA", "town", "Кропоткин", "Кропоткін"),
    P("Sochi", "RU-KDA", "city", "Сочи", "Сочі"),
    P("Ukhta", "RU-KO", "refinery", "Ухта", "Ухта"),
    # The special economic zone where Shahed-type drones are built, 10 km east of
    # Yelabuga (whose GeoNames coordinates these are).
    P("Alabuga", "RU-TA", "industrial", "", "", ("Alabuga SEZ",), 55.76232, 52.04425,
      forms=("Алабуга", "Алабуги", "Алабуге", "Алабугу", "Алабугой", "Алабузі")),
    # Towns named after people: their names are surnames too, so GeoNames' Cyrillic
    # names of them are only taken from here.
    P("Engels", "RU-SAR", "city", "Энгельс", "Енгельс"),
    P("Korolyov", "RU-MOS", "city", "Королёв", "Корольов", ("Korolev",)),
    P("Zhukovsky", "RU-MOS", "city", "Жуковский", "Жуковський", ("Zhukovskiy",)),
    P("Gubkin", "RU-BEL", "town", "Губкин", "Губкін"),
    # Airbases (kind "airbase"); towns that host one keep their town entry.
    P("Engels-2", "RU-SAR", "airbase", "", "", ("Engels-2 airbase", "Engels-2 air base"),
      51.48, 46.20),
    P("Belbek", "UA-40", "airbase", "Бельбек", "Бельбек", (), 44.69, 33.57),
    P("Saky airbase", "UA-43", "airbase", "", "", ("Saki airbase", "Saky air base", "Saki air base"),
      45.09, 33.60),
    P("Shaykovka", "RU-KLU", "airbase", "Шайковка", "Шайківка", ("Shaikovka",), 54.23, 34.37),
    P("Olenya", "RU-MUR", "airbase", "Оленья", "Оленья", (), 68.15, 33.46),
    P("Savasleyka", "RU-NIZ", "airbase", "Саваслейка", "Саваслейка", ("Savasleika",)),
    P("Khalino", "RU-KRS", "airbase", "Халино", "Халіно", (), 51.75, 36.30),
    P("Dyagilevo", "RU-RYA", "airbase", "Дягилево", "Дягілево", (), 54.64, 39.57),
    P("Seshcha", "RU-BRY", "airbase", "Сеща", "Сеща"),
)

# Place names of ordinary Ukrainian words pymorphy3's Ukrainian dictionary does not
# flag (it has no toponym tag): matched only inside a sentence.
COMMON_WORD_NAMES = frozenset({"Щастя", "Слава", "Надія", "Перемога", "Прогрес", "Дружба",
                               "Зоря", "Мир", "Миру", "Світ", "Сонце"})

# English words that are also the names of Russian or Ukrainian towns: never matched.
ENGLISH_WORDS = frozenset({"bor", "mir", "gay", "ob", "asha", "sim", "mama", "victoria", "nova",
                           "star", "bay", "sale", "luna", "alexandria", "sofia", "ural", "lena", "logan", "cola", "ihren"})
# Town names that are also given names: not matched beside another capitalised word
# ("Vladimir Putin", "Volodymyr Zelensky").
GIVEN_NAMES = frozenset({"Vladimir", "Volodymyr", "Володимир", "Alexandrov", "Aleksandrov"})
# Names that are words or names of other things before they are places: a GeoNames
# place with one of these names is left out, and no place is matched by them.
NOT_PLACE_NAMES = frozenset({
    "Иж", "Ustinov",  # an abbreviation and an old name of Izhevsk
    "Мир", "Mir",
    "Desna", "Десна",  # the river, and the training ground in Chernihiv Oblast
    "Druzhba", "Дружба",  # the oil pipeline
    "Pobeda", "Победа", "Peremoha", "Перемога", "Vostok", "Восток", "Mayak", "Маяк",
    "Zarya", "Заря", "Zoria", "Зоря", "Rassvet", "Рассвет", "Sputnik", "Спутник",
    "Progress", "Прогресс", "Прогрес", "Pervomaiske", "Первомайское", "Первомайське",
    "Niu-York", "New York", "Нью-Йорк", "Нью-Йорку",  # renamed Novhorodske, Donetsk Oblast
})
