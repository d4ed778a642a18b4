import pytest

from transforms.incidents.numbers import find_numbers, parse_number


@pytest.mark.parametrize("text, value", [
    ("40", 40), ("1,000", 1000), ("1 200", 1200),
    ("forty", 40), ("twenty-five", 25), ("one hundred and ten", 110), ("a dozen", 12),
    ("сорок", 40), ("сорока", 40), ("двадцати пяти", 25), ("сто десять", 110), ("двое", 2),
    ("пятерых", 5), ("трёх", 3), ("две тысячи", 2000),
    ("п'ять", 5), ("п’ятьох", 5), ("дев'ятьох", 9), ("трьох", 3), ("двоє", 2), ("обидві", 2),
    ("сімдесят", 70), ("12 тисяч", 12000), ("40 thousand", 40000), ("понад 12 тисяч", 12000),
])
def test_numbers_in_digits_and_words_of_three_languages(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text, value, qualifier", [
    ("over 30", 30, "lower_bound"), ("more than 1,000", 1000, "lower_bound"),
    ("at least four", 4, "lower_bound"), ("более двадцати", 20, "lower_bound"),
    ("свыше 50", 50, "lower_bound"), ("понад сто", 100, "lower_bound"),
    ("щонайменше п'ятеро", 5, "lower_bound"), ("about 20", 20, "approximate"),
    ("up to 30", None, "not_a_count"), ("nearly 30", None, "not_a_count"), ("до 30", None, "not_a_count"),
    ("several", None, "vague"), ("dozens of", None, "vague"), ("несколько", None, "vague"),
    ("кілька", None, "vague"),
])
def test_qualifiers(text, value, qualifier):
    [span] = find_numbers(text)
    assert (span.value, span.qualifier) == (value, qualifier)


def test_a_rising_toll_is_not_an_upper_bound():
    [span] = find_numbers("число погибших возросло до пяти")
    assert span.value == 5


def test_model_names_and_times_are_not_numbers():
    values = [n.value for n in find_numbers("Kh-101 and S-400 systems fired at 09:00")]
    assert values == []


def test_spans_point_into_the_text():
    text = "shot down 40 of 45 drones"
    spans = find_numbers(text)
    assert [text[s.start:s.end] for s in spans] == ["40", "45"]
