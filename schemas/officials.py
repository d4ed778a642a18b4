"""Officials whose name alone signs or attributes a report: read by ``transforms.incidents.lexicon``.

Regional heads post their reports under their name only ("Вячеслав Гладков:", "Андрій
Райкович: Вночі над Кіровоградщиною...") and news attributes them by name ("повідомив
Сергій Лисак", "написал Собянин"), the title given elsewhere or never. So the heads of the
regions in the war's news (Ukraine's oblast military administrations, Russia's border and
frequently attacked regions, the Russian-installed heads of occupied regions) and the mayors
of the big cities are listed here with the role the reporter field gives them; those of
2024-2025, predecessors included, as a story of their time names them.

Each entry: (role, needs_given, given names, surnames), the names in every spelling news
uses (Ukrainian, Russian, English). A surname that is also an ordinary word or a common
surname ("Негода" is bad weather, Gusev a common name) counts only after the given name
(``needs_given``). Cyrillic names are matched in all their case forms ("Богомаза", "Шапшой").
"""
from __future__ import annotations

OFFICIALS: list[tuple[str, bool, tuple[str, ...], tuple[str, ...]]] = [
    # Ukraine: heads of the oblast military administrations
    ("governor", False, ("Олег", "Oleh", "Oleg"), ("Синєгубов", "Синегубов", "Syniehubov", "Synehubov", "Synegubov")),
    ("governor", False, ("Олександр", "Александр", "Oleksandr"), ("Прокудін", "Прокудин", "Prokudin")),
    ("governor", False, ("Сергій", "Сергей", "Serhiy", "Serhii"), ("Лисак", "Лысак", "Lysak")),
    ("governor", False, ("Владислав", "Vladyslav"), ("Гайваненко", "Haivanenko")),
    ("governor", True, ("Іван", "Иван", "Ivan"), ("Федоров", "Fedorov")),
    ("governor", False, ("Олег", "Oleh", "Oleg"), ("Кіпер", "Кипер", "Kiper")),
    ("governor", True, ("Віталій", "Виталий", "Vitaliy", "Vitalii"), ("Кім", "Ким", "Kim")),
    ("governor", False, ("Володимир", "Владимир", "Volodymyr"), ("Артюх", "Artiukh", "Artyukh")),
    ("governor", True, ("Олег", "Oleh", "Oleg"), ("Григоров", "Hryhorov")),
    ("governor", False, ("В'ячеслав", "Вячеслав", "Viacheslav", "Vyacheslav"), ("Чаус", "Chaus")),
    ("governor", True, ("Микола", "Николай", "Mykola"), ("Калашник", "Kalashnyk")),
    ("governor", False, ("Вадим", "Vadym"), ("Філашкін", "Филашкин", "Filashkin")),
    ("governor", True, ("Володимир", "Владимир", "Volodymyr"), ("Когут", "Kohut")),
    ("governor", True, ("Філіп", "Филипп", "Filip"), ("Пронін", "Пронин", "Pronin")),
    ("governor", False, ("Максим", "Maksym"), ("Козицький", "Козицкий", "Kozytskyi", "Kozytskyy")),
    ("governor", True, ("Сергій", "Сергей", "Serhii", "Serhiy"), ("Тюрін", "Тюрин", "Tyurin", "Tiurin")),
    ("governor", False, ("Віталій", "Виталий", "Vitalii"), ("Бунечко", "Bunechko")),
    ("governor", True, ("Наталя", "Наталья", "Nataliia", "Natalia"), ("Заболотна", "Заболотная", "Zabolotna")),
    ("governor", False, ("Ігор", "Игорь", "Ihor"), ("Табурець", "Табурец", "Taburets")),
    ("governor", False, ("Андрій", "Андрей", "Andriy", "Andrii"), ("Райкович", "Raikovych")),
    ("governor", True, ("Олександр", "Александр", "Oleksandr"), ("Коваль", "Koval")),
    ("governor", True, ("Іван", "Иван", "Ivan"), ("Рудницький", "Рудницкий", "Rudnytskyi")),
    ("governor", True, ("Світлана", "Светлана", "Svitlana"), ("Онищук", "Onyshchuk")),
    ("governor", True, ("В'ячеслав", "Вячеслав", "Viacheslav", "Vyacheslav"), ("Негода", "Nehoda")),
    ("governor", False, ("Руслан", "Ruslan"), ("Запаранюк", "Zaparaniuk")),
    ("governor", True, ("Мирослав", "Myroslav"), ("Білецький", "Билецкий", "Biletskyi")),
    ("governor", False, ("Артем", "Артём", "Artem"), ("Лисогор", "Лысогор", "Lysohor")),
    # Russia: governors and heads of republics
    ("governor", False, ("Вячеслав", "Vyacheslav"), ("Гладков", "Gladkov")),
    ("governor", False, ("Александр", "Alexander", "Aleksandr"), ("Хинштейн", "Khinshtein", "Khinshteyn")),
    ("governor", False, ("Роман", "Roman"), ("Старовойт", "Starovoit")),
    ("governor", False, ("Александр", "Alexander", "Aleksandr"), ("Богомаз", "Bogomaz")),
    ("governor", True, ("Александр", "Alexander", "Aleksandr"), ("Гусев", "Gusev")),
    ("governor", True, ("Юрий", "Yuri", "Yury"), ("Слюсарь", "Slyusar")),
    ("governor", True, ("Вениамин", "Veniamin"), ("Кондратьев", "Kondratyev", "Kondratiev")),
    ("governor", True, ("Андрей", "Andrei", "Andrey"), ("Воробьёв", "Воробьев", "Vorobyov", "Vorobyev")),
    ("governor", False, ("Владислав", "Vladislav"), ("Шапша", "Shapsha")),
    ("governor", False, ("Дмитрий", "Dmitry"), ("Миляев", "Milyaev")),
    ("governor", False, ("Андрей", "Andrei", "Andrey"), ("Клычков", "Klychkov")),
    ("governor", True, ("Игорь", "Igor"), ("Артамонов", "Artamonov")),
    ("governor", False, ("Евгений", "Yevgeny", "Evgeny"), ("Первышов", "Pervyshov")),
    ("governor", True, ("Павел", "Pavel"), ("Малков", "Malkov")),
    ("governor", True, ("Василий", "Vasily"), ("Анохин", "Anokhin")),
    ("governor", False, ("Игорь", "Igor"), ("Руденя", "Rudenya")),
    ("governor", False, ("Михаил", "Mikhail"), ("Евраев", "Yevrayev", "Evraev")),
    ("governor", True, ("Андрей", "Andrei", "Andrey"), ("Бочаров", "Bocharov")),
    ("governor", False, ("Роман", "Roman"), ("Бусаргин", "Busargin")),
    ("governor", False, ("Вячеслав", "Vyacheslav"), ("Федорищев", "Fedorishchev")),
    ("governor", False, ("Радий", "Radiy", "Radii"), ("Хабиров", "Khabirov")),
    ("governor", False, ("Рустам", "Rustam"), ("Минниханов", "Minnikhanov")),
    ("governor", True, ("Сергей", "Sergei", "Sergey"), ("Аксёнов", "Аксенов", "Aksyonov", "Aksenov")),
    ("governor", False, ("Михаил", "Mikhail"), ("Развожаев", "Razvozhayev", "Razvozhaev")),
    ("governor", False, ("Александр", "Alexander", "Aleksandr"), ("Дрозденко", "Drozdenko")),
    ("governor", False, ("Александр", "Alexander", "Aleksandr"), ("Беглов", "Beglov")),
    ("governor", True, ("Глеб", "Gleb"), ("Никитин", "Nikitin")),
    ("governor", True, ("Евгений", "Yevgeny", "Evgeny"), ("Солнцев", "Solntsev")),
    ("governor", False, ("Денис", "Denis"), ("Паслер", "Pasler")),
    ("governor", False, ("Денис", "Denis"), ("Пушилин", "Pushilin")),
    ("governor", True, ("Леонид", "Leonid"), ("Пасечник", "Pasechnik")),
    ("governor", False, ("Евгений", "Yevgeny", "Evgeny"), ("Балицкий", "Balitsky", "Balitskiy")),
    ("governor", True, ("Владимир", "Vladimir"), ("Сальдо", "Saldo")),
    # mayors
    ("mayor", False, ("Сергей", "Sergei", "Sergey"), ("Собянин", "Sobyanin")),
    ("mayor", True, ("Віталій", "Виталий", "Vitali", "Vitaliy"), ("Кличко", "Klitschko", "Klychko")),
    ("mayor", True, ("Ігор", "Игорь", "Ihor", "Igor"), ("Терехов", "Terekhov")),
    ("mayor", True, ("Борис", "Borys", "Boris"), ("Філатов", "Филатов", "Filatov")),
    ("mayor", False, ("Олександр", "Александр", "Oleksandr"), ("Сєнкевич", "Сенкевич", "Sienkevych", "Senkevych")),
    ("mayor", True, ("Андрій", "Андрей", "Andriy", "Andrii"), ("Садовий", "Садовый", "Sadovyi")),
    ("mayor", False, ("Геннадій", "Геннадий", "Hennadiy", "Gennadiy"), ("Труханов", "Trukhanov")),
    ("mayor", True, ("Артем", "Артём", "Artem"), ("Кобзар", "Kobzar")),
]
