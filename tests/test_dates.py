"""Tests of the `dates` stage: a table of real phrases (what must and must not be a date),
the clock test, schema and span invariants, publication-date inference and the helpers.

Docs come from the session-wide ``nlp`` fixture of tests/conftest.py (the configured
model, loaded once), built from the same whitespace view of the text as the runner's."""
from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.stages import dates as dates_mod
from pipeline.core.article import Article, Sentence
from pipeline.stages.dates import (
    COLUMNS,
    DateExtractor,
    choose_instance,
    duration_value,
    infer_publication_date,
    resolve_weekday,
)
from pipeline.stages.nlp import view_text
from pipeline.core.schema import SCHEMAS, to_arrow

ROOT = Path(__file__).resolve().parents[1]
MON = dt.date(2025, 3, 17)  # a Monday: the default anchor of the table
dates_ = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@pytest.fixture(scope="session")
def lexicon():
    return tomllib.loads((ROOT / "configs" / "dates.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def extractor(lexicon):
    return DateExtractor(lexicon)


def _article(text: str, anchor=MON, precision="day", start: int = 0) -> Article:
    if isinstance(anchor, tuple):
        anchor, precision = anchor
    return Article("d1", "s.txt", start, start + len(text), text, anchor, precision if anchor else None)


def run(nlp, extractor, text: str, anchor=MON) -> list[dict]:
    art = _article(text, anchor)
    return extractor(nlp(view_text(text)), art)


# sentence, expected span, value, anchored, tclass, anchor (date, (date, precision) or None), mod
POSITIVE = [
    # calendar dates in their common English forms
    ("The summit took place on 19 May 2025 in London.", "19 May 2025", "2025-05-19", False, "date", MON, None),
    ("It was signed on May 19, 2025, in London.", "May 19, 2025", "2025-05-19", False, "date", MON, None),
    ("Sunday, February 01, 2026\n\nUK and EU resume defence talks",
     "Sunday, February 01, 2026", "2026-02-01", False, "date", None, None),
    ("The talks began on 2 March 2025 in London.", "2 March 2025", "2025-03-02", False, "date", MON, None),
    ("The deadline is 2025-05-19, officials said.", "2025-05-19", "2025-05-19", False, "date", MON, None),
    ("The form was filed on 05/19/2025 by the ministry.", "05/19/2025", "2025-05-19", False, "date", MON, None),
    ("The ceasefire began on 19.05.2025 at dawn.", "19.05.2025", "2025-05-19", False, "date", MON, None),
    ("The ministers met on the 3rd of June 2024.", "the 3rd of June 2024", "2024-06-03", False, "date", MON, None),
    ("The law took effect in May 2025.", "May 2025", "2025-05", False, "date", MON, None),
    ("Inflation peaked in October 2022, the bank said.", "October 2022", "2022-10", False, "date", MON, None),
    ("The strike ended on Jan. 5, 2025.", "Jan. 5, 2025", "2025-01-05", False, "date", MON, None),
    ("The deal was struck on 5 Sept 2024.", "5 Sept 2024", "2024-09-05", False, "date", MON, None),
    ("MARCH 2025: EU launches defence plan", "MARCH 2025", "2025-03", False, "date", MON, None),
    ("The bill was tabled on Monday, March 10.", "Monday, March 10", "2025-03-10", True, "date", MON, None),
    ("Kallas visited Kyiv on Tuesday 18 March.", "Tuesday 18 March", "2025-03-18", True, "date", MON, None),
    # years, ranges, decades, centuries
    ("The treaty was signed in 1992.", "1992", "1992", False, "date", MON, None),
    ("Russia invaded Ukraine in 2022.", "2022", "2022", False, "date", MON, None),
    ("Since 2014, the conflict has escalated.", "2014", "2014", False, "date", MON, None),
    ("He served two terms, from 2009 to 2017.", "2017", "2017", False, "date", MON, None),
    ("Between 2014 and 2022, the number of attacks doubled.", "2022", "2022", False, "date", MON, None),
    ("The target is to be reached by 2035.", "2035", "2035", False, "date", MON, None),
    ("The 2024 elections changed the parliament.", "2024", "2024", False, "date", MON, None),
    ("Nine allies missed the pledge agreed at the 2014 Wales Summit.", "2014", "2014", False, "date", MON, None),
    ("The census was taken in the year 2021.", "the year 2021", "2021", False, "date", MON, None),
    ("It was as early as 2019 that warnings came.", "2019", "2019", False, "date", MON, None),
    ("The budget covers 2021-2027.", "2021-2027", "2021/2027", False, "date", MON, None),
    ("The 2024-25 season was difficult for farmers.", "2024-25", "2024/2025", False, "date", MON, None),
    ("The leaders met on 17-18 March 2025.", "17-18 March 2025", "2025-03-17/2025-03-18", False, "date", MON, None),
    ("Another summit will be held on March 20-21.",
     "March 20-21", "2025-03-20/2025-03-21", True, "date", dt.date(2025, 3, 6), None),
    ("The movement began in the 1990s.", "the 1990s", "199", False, "date", MON, None),
    ("The market crashed in the late 1990s.", "the late 1990s", "199", False, "date", MON, "END"),
    ("It was a hit in the '80s.", "the '80s", "198", True, "date", MON, None),
    ("In the 2000s, growth was strong.", "the 2000s", "200", False, "date", MON, None),
    ("Borders were redrawn in the 20th century.", "the 20th century", "19", False, "date", MON, None),
    # year-less dates: the year comes from the anchor and the tense
    ("On 19 May, the EU and the UK concluded a partnership.",
     "19 May", "2025-05-19", True, "date", dt.date(2025, 5, 19), None),
    ("The report, dated April 30, was leaked.", "April 30", "2025-04-30", True, "date", dt.date(2025, 5, 15), None),
    ("The summit will take place on 25 June.", "25 June", "2025-06-25", True, "date", MON, None),
    ("The parliament voted on 20 December.", "20 December", "2024-12-20", True, "date", dt.date(2025, 1, 10), None),
    ("Elections will be held on 12 January.", "12 January", "2026-01-12", True, "date", dt.date(2025, 11, 20), None),
    ("Trump returned to office in January.", "January", "2025-01", True, "date", dt.date(2025, 3, 6), None),
    ("They were talking about a plan by June.", "June", "2025-06", True, "date", dt.date(2025, 3, 6), None),
    ("The talks collapsed in November.", "November", "2025-11", True, "date", dt.date(2026, 2, 1), None),
    ("The vote is expected in September.", "September", "2025-09", True, "date", dt.date(2025, 4, 10), None),
    ("The bank promised another hike in March.", "March", "2023-03", True, "date", dt.date(2023, 2, 16), None),
    ("A ceasefire was initially proposed by Trump in March and Ukraine agreed.",
     "March", "2025-03", True, "date", dt.date(2025, 5, 9), None),
    ("The vote has been scheduled for Thursday.", "Thursday", "2025-03-20", True, "date", MON, None),
    ("The exemption was activated for 15 states on July 8 – permitting more spending.",
     "July 8", "2025-07-08", True, "date", dt.date(2025, 9, 1), None),
    ("Prices have risen since March.", "March", "2025-03", True, "date", dt.date(2025, 6, 10), None),
    ("Tariffs will rise next January.", "next January", "2026-01", True, "date", MON, None),
    ("Talks resumed last May.", "last May", "2024-05", True, "date", MON, None),
    ("The review was launched in July last year.", "July last year", "2024-07", True, "date", MON, None),
    ("The law came into force on 5 March this year.", "5 March this year", "2025-03-05", True, "date", MON, None),
    ("The first week of March was busy.", "The first week of March", "2025-03", True, "date", MON, "START"),
    ("The summit is in May, before the recess.", "May", "2025-05", True, "date", MON, None),
    ("The summit will be on 19 May.", "19 May", "XXXX-05-19", True, "date", None, None),
    ("Another summit will be held on March 20-21.", "March 20-21", "XXXX-03-20/XXXX-03-21", True, "date", None, None),
    ("The summit will be on 19 May.", "19 May", "2025-05-19", True, "date", (dt.date(2025, 5, 1), "month"), None),
    # modified expressions
    ("An EU-UK summit is to be held in mid-May.", "mid-May", "2025-05", True, "date", MON, "MID"),
    ("Prices rose in early 2024.", "early 2024", "2024", False, "date", MON, "START"),
    ("Troops left in mid-2021.", "mid-2021", "2021", False, "date", MON, "MID"),
    ("The NATO meeting is at the end of June 2025.", "the end of June 2025", "2025-06", False, "date", MON, "END"),
    ("Growth slowed in late 2023.", "late 2023", "2023", False, "date", MON, "END"),
    ("He has been in office since the end of 2024.", "the end of 2024", "2024", False, "date", MON, "END"),
    ("The plan was approved late last year.", "late last year", "2024", True, "date", MON, "END"),
    ("The deal should be signed by the end of the year.", "the end of the year", "2025", True, "date", MON, "END"),
    ("The accord is due to be ratified later this month.", "later this month", "2025-03", True, "date", MON, None),
    ("Sales fell earlier this year.", "earlier this year", "2025", True, "date", MON, None),
    # quarters, halves, holidays
    ("Growth was strong in the first quarter of 2024.",
     "the first quarter of 2024", "2024-Q1", False, "date", MON, None),
    ("Results for Q3 2025 were published.", "Q3 2025", "2025-Q3", False, "date", MON, None),
    ("Output fell in the second half of 2023.", "the second half of 2023", "2023-H2", False, "date", MON, None),
    ("The economy shrank last quarter.", "last quarter", "2024-Q4", True, "date", MON, None),
    ("The commission will decide in the third quarter.", "the third quarter", "2025-Q3", True, "date", MON, None),
    ("Markets rallied on Christmas Eve 2024.", "Christmas Eve 2024", "2024-12-24", False, "date", MON, None),
    ("Shops were closed on Christmas.", "Christmas", "2024-12-25", True, "date", dt.date(2025, 1, 10), None),
    ("Talks will resume after Easter.", "Easter", "2023-04-09", True, "date", dt.date(2023, 2, 16), None),
    ("The march took place on Easter Monday 2025.", "Easter Monday 2025", "2025-04-21", False, "date", MON, None),
    # spelled-out years, as broadcast transcripts write them
    ("The law was passed in nineteen ninety-six.", "nineteen ninety-six", "1996", False, "date", MON, None),
    ("It froze in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "1994-WI", False,
     "date", MON, None),
    # "for the year", "of the year", "for the week" in a report: the anchor's year or week; "year-end"
    ("Sales for the full year were $6.6 billion.", "the full year", "2025", True, "date", MON, None),
    ("For the year, pet food volume was flat.", "the year", "2025", True, "date", MON, None),
    ("For the week, the index dropped 3.8%.", "the week", "2025-W12", True, "date", MON, None),
    ("For the year ended June 30, the firm earned $2 million.", "the year", "P1Y", False, "duration", MON, None),
    ("They expect to complete the deal by year-end.", "year-end", "2025", True, "date", MON, "END"),
    ("The index has risen 9% since year-end.", "year-end", "2024", True, "date", MON, "END"),
    ("In January nineteen ninety-seven a bomb went off.", "January nineteen ninety-seven", "1997-01", False, "date",
     MON, None),
    ("Prices have risen since the year two thousand.", "the year two thousand", "2000", False, "date", MON, None),
    ("Its 20th century heritage is famous.", "20th century", "19", False, "date", MON, None),
    ("Families gathered on Thanksgiving Day.", "Thanksgiving Day", "2024-11-28", True, "date", dt.date(2024, 12, 2), None),
    ("It happened on New Year's Day 2025.", "New Year's Day 2025", "2025-01-01", False, "date", MON, None),
    # seasons
    ("Starmer came to power last summer.", "last summer", "2024-SU", True, "date", MON, None),
    ("The offensive is expected this spring.", "this spring", "2025-SP", True, "date", MON, None),
    ("The law passed in the summer of 2023.", "the summer of 2023", "2023-SU", False, "date", MON, None),
    ("Talks resume in autumn 2025.", "autumn 2025", "2025-FA", False, "date", MON, None),
    ("The ministers will meet next winter.", "next winter", "2025-WI", True, "date", MON, None),
    ("Troops were deployed in the winter.", "the winter", "2024-WI", True, "date", MON, None),
    ("Voters head to the polls this autumn.", "this autumn", "2025-FA", True, "date", MON, None),
    ("He will retire in the summer.", "the summer", "2025-SU", True, "date", MON, None),
    # days of the week: tense decides the direction
    ("A top EU official said on Monday that talks continue.", "Monday", "2025-03-17", True, "date", MON, None),
    ("Kallas is scheduled to visit the UK on Wednesday.", "Wednesday", "2025-03-19", True, "date", MON, None),
    ("The minister resigned on Friday.", "Friday", "2025-03-14", True, "date", MON, None),
    ("Leaders will meet on Thursday in Brussels.", "Thursday", "2025-03-20", True, "date", MON, None),
    ("After Friday's meeting, tensions rose.", "Friday", "2025-02-28", True, "date", dt.date(2025, 3, 2), None),
    ("The leak emerged on Monday night.", "Monday night", "2025-03-24TNI", True, "time", dt.date(2025, 3, 26), None),
    ("Starmer hosted a call Saturday morning with allies.",
     "Saturday morning", "2025-03-15TMO", True, "time", MON, None),
    ("Officials met in Paris last Tuesday.", "last Tuesday", "2025-03-11", True, "date", MON, None),
    # an ambiguous month listed with plain ones
    ("The bank cut rates in February, May and August.", "May", "2024-05", True, "date", MON, None),
    ("Votes were held in May or June.", "May", "2024-05", True, "date", MON, None),
    # "-long" durations
    ("The penalties follow year-long investigations.", "year-long", "P1Y", False, "duration", MON, None),
    ("A week-long exercise began.", "week-long", "P1W", False, "duration", MON, None),
    ("It ended a decades-long dispute.", "decades-long", "PXDE", False, "duration", MON, None),
    # a part of a named day
    ("Drones entered Polish airspace on the night of 9-10 September 2025.",
     "the night of 9-10 September 2025", "2025-09-09TNI", False, "time", MON, None),
    ("Hamas attacked on the morning of 7 October 2023.", "the morning of 7 October 2023", "2023-10-07TMO", False,
     "time", MON, None),
    ("The strike came on the evening of March 3.", "the evening of March 3", "2025-03-03TEV", True, "time", MON,
     None),
    ("Russia invaded on the night of February 23-24.", "the night of February 23-24", "XXXX-02-23TNI", True,
     "time", None, None),
    ("The vote is set for next Friday.", "next Friday", "2025-03-21", True, "date", MON, None),
    # wire copy's local time, GMT in brackets, then the day: one sentence, so the clock takes the day
    ("The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
     "10:35 a.m.", "2025-03-07T10:35", True, "time", dt.date(2025, 3, 8), None),
    ("Leaders are set to meet in London later Sunday.",
     "later Sunday", "2025-03-02", True, "date", dt.date(2025, 3, 2), None),
    ("The exercises are expected to conclude on Tuesday.", "Tuesday", "2025-03-18", True, "date", MON, None),
    ("An EU summit in Brussels is scheduled for Thursday.", "Thursday", "2025-03-20", True, "date", MON, None),
    ("She said on Monday that she would stay.", "Monday", "XXXX-WXX-1", True, "date", None, None),
    # only the month of the publication known: the weekday keeps its week unknown, not its year
    ("He said on Monday that he would stay.", "Monday", "2025-WXX-1", True, "date", (dt.date(2025, 6, 1), "month"), None),
    ("Protests are planned for the weekend.", "the weekend", "2025-W12-WE", True, "date", MON, None),
    ("The talks collapsed last weekend.", "last weekend", "2025-W11-WE", True, "date", MON, None),
    # relative expressions read by dateparser against the anchor
    ("Kallas will travel to London this week.", "this week", "2025-W12", True, "date", MON, None),
    ("She traveled to Washington last week.", "last week", "2025-W09", True, "date", dt.date(2025, 3, 6), None),
    ("Talks are planned for next week.", "next week", "2025-W11", True, "date", dt.date(2025, 3, 6), None),
    ("He said last month that the pact should focus on research.", "last month", "2025-02", True, "date", MON, None),
    ("The law will change next month.", "next month", "2025-04", True, "date", MON, None),
    ("Spending rose this year.", "this year", "2025", True, "date", MON, None),
    ("Elections were held last year.", "last year", "2024", True, "date", MON, None),
    ("Last year's budget was cut.", "Last year", "2024", True, "date", MON, None),
    ("Elections were held last year.", "last year", "2024", True, "date", (dt.date(2025, 1, 1), "year"), None),
    ("The strategy runs until next year.", "next year", "2026", True, "date", MON, None),
    ("The UK left the EU five years ago.", "five years ago", "2020", True, "date", MON, None),
    ("At a summit a\nmonth ago, leaders talked.", "a\nmonth ago", "2025-02", True, "date", dt.date(2025, 3, 6), None),
    ("The drones came two days ago.", "two days ago", "2025-03-15", True, "date", MON, None),
    ("The plan was unveiled three weeks ago.", "three weeks ago", "2025-W09", True, "date", MON, None),
    ("Today our message is simple.", "Today", "2025-05-19", True, "date", dt.date(2025, 5, 19), None),
    ("The minister spoke yesterday.", "yesterday", "2025-03-16", True, "date", MON, None),
    ("The results will be published tomorrow.", "tomorrow", "2025-03-18", True, "date", MON, None),
    ("The ministers met this morning.", "this morning", "2025-03-17TMO", True, "time", MON, None),
    ("The bill passed last night.", "last night", "2025-03-16TNI", True, "time", MON, None),
    ("She said the decision would come this decade.", "this decade", "202", True, "date", MON, None),
    ("The policy ends two weeks from now.", "two weeks from now", "2025-W14", True, "date", MON, None),
    # durations
    ("SAFE offers loans of up to 45 years.", "45 years", "P45Y", False, "duration", MON, "EQUAL_OR_LESS"),
    ("The loans carry a 10-year grace period.", "10-year", "P10Y", False, "duration", MON, None),
    ("Ukraine committed to a 30-day ceasefire.", "30-day", "P30D", False, "duration", MON, None),
    ("The clause applies initially for four years.", "four years", "P4Y", False, "duration", MON, None),
    ("Meetings were held over the past five weeks.", "the past five weeks", "P5W", True, "duration", MON, None),
    ("Officials will work in the next two weeks.", "the next two weeks", "P2W", True, "duration", MON, None),
    ("Macron spoke with Trump in the last 48 hours.", "the last 48 hours", "PT48H", True, "duration", MON, None),
    ("It's a 1 min read.", "1 min", "PT1M", False, "duration", MON, None),
    ("The war drags toward its fourth year.", "fourth year", "P4Y", False, "duration", MON, None),
    ("After years of strained relations, talks resumed.", "years", "PXY", False, "duration", MON, None),
    ("The structures have served for decades.", "decades", "PXDE", False, "duration", MON, None),
    ("The alliance has existed for a decade.", "a decade", "P1DE", False, "duration", MON, None),
    ("The mission lasted several months.", "several months", "PXM", False, "duration", MON, None),
    ("The talks took two and a half years.", "two and a half years", "P30M", False, "duration", MON, None),
    ("The pact was negotiated in just 18 months.", "18 months", "P18M", False, "duration", MON, None),
    ("The ceasefire lasted a few days.", "a few days", "PXD", False, "duration", MON, None),
    ("The operation lasted twenty-five days.", "twenty-five days", "P25D", False, "duration", MON, None),
    ("He waited for half an hour.", "half an hour", "PT30M", False, "duration", MON, None),
    ("The programme will run for the next year.", "the next year", "P1Y", True, "duration", MON, None),
    ("The dispute has lasted the past decade.", "the past decade", "P1DE", True, "duration", MON, None),
    ("She served as minister for 12 years until 2019.", "12 years", "P12Y", False, "duration", MON, None),
    ("The UK will relaunch relations with the Union years after Brexit.", "years", "PXY", False, "duration", MON, None),
    ("The previous seven-year budget ran from 2021.", "seven-year", "P7Y", False, "duration", MON, None),
    # "N units after X": the time is the event's, unknown here; TimeML marks the duration
    ("The decision comes 30 years after the Budapest Memorandum.", "30 years", "P30Y", False, "duration", MON, None),
    # a definite span keeps its article and its place (TimeML's extent of the period a report names)
    ("In the first nine months, net income rose 5%.", "the first nine months", "P9M", False, "duration", MON, None),
    ("For the six months, sales fell.", "the six months", "P6M", False, "duration", MON, None),
    ("In the latest nine months profit fell.", "the latest nine months", "P9M", False, "duration", MON, None),
    # a day or period within 45 days of the anchor is that instance whatever the reporting verb's tense
    ("The offer runs through March 30, the bank said.", "March 30", "2025-03-30", True, "date", MON, None),
    ("The dividend is payable April 20 to holders of record, it said.", "April 20", "2025-04-20", True, "date",
     MON, None),
    ("The company expects to report a fourth-quarter loss.", "fourth-quarter", "2024-Q4", True, "date",
     dt.date(2025, 1, 20), None),
    # a plan made in the past points nowhere ("had been scheduled to expire Friday"): the nearest instance;
    # a plan in the present still points ahead
    ("The offer had been scheduled to expire at midnight Friday.", "midnight Friday", "2025-03-14T24:00", True,
     "time", MON, None),
    ("The offer was due to expire Friday.", "Friday", "2025-03-14", True, "date", MON, None),
    ("The offer is due to expire Friday.", "Friday", "2025-03-21", True, "date", MON, None),
    # ... but a past-tense month still to come is last year's, and a far instance follows the tense
    ("The bank cut rates in April.", "April", "2024-04", True, "date", MON, None),
    pytest.param("The law was passed on March 30.", "March 30", "2024-03-30", True, "date", MON, None,
                 marks=pytest.mark.xfail(strict=True, reason="known miss: a day within 45 days overrules the past "
                                         "tense even when the verb is the date's own ('payable Dec. 7' is the case "
                                         "the rule serves)")),
    ("The company will report results in December.", "December", "2025-12", True, "date", MON, None),
    ("Officials expect the visit to last two days.", "two days", "P2D", False, "duration", MON, None),
    ("States will have four additional months to detail their plans.",
     "four additional months", "P4M", False, "duration", MON, None),
    ("He wants two more years in office.", "two more years", "P2Y", False, "duration", MON, None),
    ("After multiple years of contraction, the economy recovers.",
     "multiple years", "PXY", False, "duration", MON, None),
    ("A drone loitered in Romanian airspace for roughly 50 minutes before turning back.",
     "roughly 50 minutes", "PT50M", False, "duration", MON, "APPROX"),
    ("The loans run for two years after the war ends.", "two years", "P2Y", False, "duration", MON, None),
    ("Prices rose sharply over past two weeks.", "past two weeks", "P2W", True, "duration", MON, None),
    # sets
    ("The EU holds annual summits with Japan.", "annual", "P1Y", False, "set", MON, None),
    ("The council meets every year.", "every year", "P1Y", False, "set", MON, None),
    ("Inspections take place twice a year.", "twice a year", "P1Y", False, "set", MON, None),
    ("Ministers meet every Monday.", "every Monday", "XXXX-WXX-1", False, "set", MON, None),
    # "mid-afternoon": that part of the anchor's day, or of the day named after it (TimeBank: 2 of 2, TAF)
    ("By mid afternoon, official sources were saying the fighting had stopped.", "mid afternoon", "2025-03-17TAF",
     True, "time", MON, "MID"),
    ("In London at mid-afternoon yesterday, the shares were up 2%.", "mid-afternoon yesterday", "2025-03-16TAF", True,
     "time", MON, "MID"),
    # a year after "to" is a figure ("rose to 2000") unless "dating", "dates back" open an origin in time
    ("Police are reviewing sniper shootings dating to 1994.", "1994", "1994", False, "date", MON, None),
    ("The feud dates back to 1987, officials said.", "1987", "1987", False, "date", MON, None),
    # a weekday with a part of day in the plural recurs, and so does a weekday coordinated with it (TimeBank:
    # "flights would leave Bombay on Monday and Tuesday nights" XXXX-WXX-1TNI, XXXX-WXX-2TNI); a weekday
    # with one part of day ("returned Tuesday night") is that day's night
    ("Two new flights will leave Bombay on Monday and Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI", False,
     "set", MON, None),
    ("Two new flights will leave Bombay on Monday and Tuesday nights.", "Monday", "XXXX-WXX-1TNI", False, "set",
     MON, None),
    ("The show airs Monday, Wednesday and Friday evenings.", "Wednesday", "XXXX-WXX-3TEV", False, "set", MON, None),
    ("The market is packed on Saturday mornings.", "Saturday mornings", "XXXX-WXX-6TMO", False, "set", MON, None),
    ("She left on Sunday and returned Tuesday night.", "Tuesday night", "2025-03-11TNI", True, "time", MON, None),
    ("NATO held exercises every autumn.", "every autumn", "XXXX-FA", False, "set", MON, None),
    ("Prices rise by 2% a year.", "a year", "P1Y", False, "set", MON, None),
    ("The fund, worth £2.5bn a year, will run until 2028.", "a year", "P1Y", False, "set", MON, None),
    ("In an interview with the Sunday weekly the JDD, he spoke.",
     "Sunday weekly", "XXXX-WXX-7", False, "set", MON, None),
    ("The team meets every two weeks.", "every two weeks", "P2W", False, "set", MON, None),
    ("The market is open on Saturdays.", "Saturdays", "XXXX-WXX-6", False, "set", MON, None),
    ("Ukraine has endured nightly bombardments by Russian missiles.",
     "nightly", "XXXX-XX-XXTNI", False, "set", MON, None),
    ("The biennial conference rotates between capitals.", "biennial", "P2Y", False, "set", MON, None),
    # vague references
    ("Ukraine now wants a deal.", "now", "PRESENT_REF", True, "date", MON, None),
    ("The agreement is currently being negotiated.", "currently", "PRESENT_REF", True, "date", MON, None),
    # "now" inside a sentence, or opening one without a comma, is the present (TimeBank marks it); only the
    # comma-set opener "Now, ..." is a discourse marker (the negatives below)
    ("It is now, he said, too late.", "now", "PRESENT_REF", True, "date", MON, None),
    ("Now officials are investigating the attacks.", "Now", "PRESENT_REF", True, "date", MON, None),
    ("The fund currently, as before, holds 5%.", "currently", "PRESENT_REF", True, "date", MON, None),
    ("For now, the talks go on.", "now", "PRESENT_REF", True, "date", MON, None),
    # wire copy's typewriter quotes open a sentence like any quote: "Today" after them may be capitalised
    ("``Today is a sad day,'' she said.", "Today", "2025-03-17", True, "date", MON, None),
    ("Turkey has recently turned towards Russia.", "recently", "PAST_REF", True, "date", MON, None),
    ("The steps taken in recent\ndays matter.", "recent\ndays", "PAST_REF", True, "date", MON, None),
    ("At a summit a\r\nmonth ago, leaders talked.",
     "a\r\nmonth ago", "2025-02", True, "date", dt.date(2025, 3, 6), None),
    ("We will keep citizens safer in the years to come.", "the years to come", "FUTURE_REF", True, "date", MON, None),
    ("No deal is expected in the short term.", "the short term", "FUTURE_REF", True, "date", MON, None),
    ("In the future, the EU will build partnerships.", "the future", "FUTURE_REF", True, "date", MON, None),
    ("Canada will join in future.", "future", "FUTURE_REF", True, "date", MON, None),
    ("It may finance the rest through debt offerings at a later date.", "a later date", "FUTURE_REF", True, "date",
     MON, None),
    ("In the past, the EU was selective.", "the past", "PAST_REF", True, "date", MON, None),
    ("Trump has in recent weeks slapped tariffs.", "recent weeks", "PAST_REF", True, "date", MON, None),
    # an unknown number of units before or after the anchor: TimeML's duration ("the next few days" PXD)
    ("The plans will be revealed in the coming months.", "the coming months", "PXM", False, "duration", MON, None),
    ("As we've had the last few years, things changed.", "the last few years", "PXY", False, "duration", MON, None),
    ("Talks are expected over the next several days.", "the next several days", "PXD", False, "duration", MON, None),
    ("Rates may rise over the next couple of years.", "the next couple of years", "P2Y", True, "duration", MON,
     None),
    ("It took a couple of years to build.", "a couple of years", "P2Y", False, "duration", MON, None),
    # TimeML keeps a count's qualifier in the extent ("nearly two years", "about two years ago"), the
    # seeds' gold leaves "up to" out ("up to 45 years" -> "45 years"), and "over" may be a preposition
    ("The strike lasted nearly two months, the union said.", "nearly two months", "P2M", False, "duration", MON,
     "LESS_THAN"),
    ("The plant closed about two years ago, workers said.", "about two years ago", "2023", True, "date", MON,
     "APPROX"),
    ("Inspectors need at least 30 days to finish.", "at least 30 days", "P30D", False, "duration", MON,
     "EQUAL_OR_MORE"),
    ("The talks ran for more than four hours on Monday.", "more than four hours", "PT4H", False, "duration", MON,
     "MORE_THAN"),
    # "payable", "effective" point their date ahead whatever the verb above; "through January" is a deadline
    ("The company declared a 10% stock dividend, payable Dec. 15, it said.", "Dec. 15", "2025-12-15", True,
     "date", dt.date(2025, 10, 26), None),
    ("The board created a new office of the chairman, effective Feb. 1.", "Feb. 1", "2026-02-01", True, "date",
     dt.date(2025, 10, 26), None),
    ("Lenders extended $90 million in loans through January.", "January", "2026-01", True, "date",
     dt.date(2025, 10, 30), None),
    ("The rule became effective Oct. 1, the agency said.", "Oct. 1", "2025-10-01", True, "date",
     dt.date(2025, 10, 26), None),
    ("The company paid a dividend in December, its filing showed.", "December", "2024-12", True, "date",
     dt.date(2025, 10, 26), None),
    # "for the year ended Sept. 30": a year-long period the date closes
    ("For the year ended Sept. 30, the company earned $422 million.", "the year", "P1Y", False, "duration", MON,
     None),
    ("Revenue for the fiscal year ending June 30 rose 4%.", "the fiscal year", "P1Y", False, "duration", MON, None),
    # times of day and clock times
    ("The vote starts at 3 p.m. on Monday.", "3 p.m.", "2025-03-17T15:00", True, "time", MON, None),
    ("The meeting begins at 15:00 CET.", "15:00 CET", "2025-03-17T15:00", True, "time", MON, None),
    ("Polls close at 10pm.", "10pm", "2025-03-17T22:00", True, "time", MON, None),
    ("The airports were closed until at least 0400 GMT.", "0400 GMT", "2025-03-17T04:00", True, "time", MON, None),
    # relative to an event rather than to the article: no value
    ("An article published two days before the attack warned of it.",
     "two days", "P2D", False, "duration", MON, None),
    ("A year later, the pact collapsed.", "A year later", None, False, "date", MON, None),
    ("The following year, the treaty was signed.", "The following year", None, False, "date", MON, None),
    # anaphoric: the time the text last spoke of (tests of anaphora below)
    ("Drones crossed on September 9 and later that week.", "later that week", "2024-W37", True, "date", MON, None),
    ("The treaty lapsed at the end of that year.", "the end of that year", None, False, "date", MON, "END"),
    ("Days later, Romania reported a breach.", "Days later", None, False, "date", MON, None),
    ("Hours before, Trump had alarmed European allies.", "Hours before", None, False, "date", MON, None),
    ("The mood soured in the hours before the vote.", "hours", "PTXH", False, "duration", MON, None),
    # the anchor's yesterday is yesterday whatever the verb ("planned", "could"), a day six ahead being
    # "next Saturday"; two days back a future verb still points ahead
    ("A memorial service planned for Saturday was canceled.",
     "Saturday", "2025-03-22", True, "date", dt.date(2025, 3, 23), None),
    ("His grandparents could not be located Wednesday in their hometown.",
     "Wednesday", "2025-03-19", True, "date", dt.date(2025, 3, 20), None),
    ("Leaders will meet again on Wednesday.", "Wednesday", "2025-03-26", True, "date", dt.date(2025, 3, 21), None),
    # a deadline after a future verb lies ahead; after a past one it may lie on either side (the nearest)
    ("Qantas will almost double its flights to India by September.",
     "September", "2025-09", True, "date", dt.date(2025, 2, 13), None),
    ("Qantas doubled its flights to India by September.",
     "September", "2024-09", True, "date", dt.date(2025, 2, 13), None),
    # an infinitive under a past verb is past ("went to see"); a decision's ("decided to admit") is read the
    # same way, as the fresh news of the undated check needs it (README, dates section)
    ("She went to Kyiv to see him in March.", "March", "2024-03", True, "date", dt.date(2025, 2, 10), None),
    # whole numbers with a fraction, decades in words, counted trading days, "an additional year", "year's end"
    ("Albright spent 5 1/2 hours in Nairobi.", "5 1/2 hours", "PT330M", False, "duration", MON, None),
    ("The case dragged on for 2 1/2 years.", "2 1/2 years", "P30M", False, "duration", MON, None),
    ("Hate groups multiplied in the nineties.", "the nineties", "199", True, "date", MON, None),
    ("Fashions changed in the late sixties.", "the late sixties", "196", True, "date", MON, "END"),
    ("The market rose for eight trading days.", "eight trading days", "P8D", False, "duration", MON, None),
    ("Refunds take five business days.", "five business days", "P5D", False, "duration", MON, None),
    ("The contract runs for an additional year.", "an additional year", "P1Y", False, "duration", MON, None),
    ("The deal should close by year's end.", "year's end", "2025", True, "date", MON, "END"),
    ("Ethnic Albanians are worried about the future.", "the future", "FUTURE_REF", True, "date", MON, None),
    ("He was due to appear before a judge in Manhattan at midday.", "midday", "2025-03-17T12:00", True, "time", MON,
     None),
    # a weekday owning a noun lies behind when nothing points it ahead (TimeBank: 16 of 16), up to four days back
    ("The bonds were priced at a 24% premium over Thursday's closing price.", "Thursday", "2025-03-13", True, "date",
     MON, None),
    ("Ahead of Thursday's vote, the minister spoke.", "Thursday", "2025-03-20", True, "date", MON, None),
    ("Thursday's vote will decide the matter.", "Thursday", "2025-03-20", True, "date", MON, None),
    ("Fans queued for Friday's match.", "Friday", "2025-03-21", True, "date", dt.date(2025, 3, 19), None),
    # a modal perfect speaks of the past; "will have" still points ahead
    ("The reports could have been responsible for a drop in the stock on Thursday.", "Thursday", "2025-03-13", True,
     "date", MON, None),
    ("The company will have completed the sale by Thursday.", "Thursday", "2025-03-20", True, "date", MON, None),
    # what is put off lies ahead ("postponed until"); a past "until" otherwise takes the nearest instance
    ("Officials postponed until Saturday any action on the permit.", "Saturday", "2025-03-22", True, "date", MON,
     None),
    ("The hearing was adjourned until Saturday.", "Saturday", "2025-03-22", True, "date", MON, None),
    ("The talks went on until Saturday.", "Saturday", "2025-03-15", True, "date", MON, None),
    # round qd1: a year compared after a comparative; a year range of a climate baseline, with a hyphen or en
    # dash; a half of the year its sentence or the one before names with "half of"
    ("Temperatures were 0.13°C cooler than 2024, which remains the warmest year.", "2024", "2024", False, "date",
     MON, None),
    ("Two days were more than 2°C warmer than 1850-1900, the report said.", "1850-1900", "1850/1900", False,
     "date", MON, None),
    ("It exceeded the threshold of pre-industrial levels (1850–1900), the limit set in Paris.", "1850–1900",
     "1850/1900", False, "date", MON, None),
    ("We expect demand in the second half of 2025 to be higher than the first half.", "the first half", "2025-H1",
     False, "date", MON, None),
    ("Sales fell in the first half of 2024. In the second half, they recovered.", "the second half", "2024-H2",
     False, "date", MON, None),
]

# sentence, phrase that must not be (part of) any date span
NEGATIVE = [
    ("The index rose to 1994 points on Friday.", "1994"),
    ("The father will leave at 4 in the morning.", "the morning"),
    ("The final was played on a later date than planned.", "a later date"),
    # "of the year" is a time only after a count of units ("the first nine months of the year")
    ("She was named player of the year in 2024.", "the year"),
    # a fraction is a count only after a whole number of units; "9/11" and "24/7" are none
    ("Security was tightened after 9/11.", "9/11"),
    ("The helpline is open 24/7.", "24/7"),
    ("Turnout rose by 1/3 in the city.", "1/3"),
    # decades in words need their article: an age is none
    ("The minister is in her forties.", "forties"),
    ("Two men in their fifties were arrested.", "fifties"),
    ("Trading volumes fell sharply.", "Trading"),
    ("The working group met.", "working"),
    ("The talks were about the future of Europe.", "the future"),
    # ages are no times (TimeBank marks 1 of its 38, the seeds' gold none), nor their shorter readings
    ("The 30-year-old minister resigned.", "30-year-old"),
    ("He is 45 years old and still plays.", "45 years old"),
    ("The 129-year-old index fell 2% on the day.", "129-year-old"),
    ("Six-year-olds start school in September.", "Six-year-olds"),
    ("A 6-month-old baby was rescued.", "6-month-old"),
    ("She was 52 years of age when she retired.", "52 years of age"),
    ("Iraq imports about three-quarters of its food.", "quarters"),
    ("Net rose in 1988, when year-end net was below the 1987 level.", "year-end"),
    ("About twenty five people and two thousand soldiers came.", "twenty five"),
    ("About twenty five people and two thousand soldiers came.", "two thousand"),
    # a sentence opened by "Now," or "Currently," set off by a comma: a discourse marker, which TimeBank never marks
    ("Now, he says, it looks like the West just wants to destroy Iraq.", "Now"),
    ('"Now, we see that edge eroded," he said.', "Now"),
    ("Currently, transplant organs are rationed through a regional system.", "Currently"),
    ("``Now, we see that edge eroded,'' he said.", "Now"),
    # idioms of time are no times (TimeBank marks none of them; the gold leaves "the time being" out)
    ("The policy stays for the time being.", "the time being"),
    ("There are no shipments at the moment.", "the moment"),
    ("Troops will stay for the foreseeable future.", "the foreseeable future"),
    ("Iraq will lose in the long run.", "the long run"),
    # a qualifier joins a count of time, never a word that only looks like one
    ("About two dozen people attended the rally.", "About two dozen"),
    ("The couple of analysts who spoke were cautious.", "couple of analysts"),
    ("At least 30 people were hurt in the blast.", "At least 30 people"),
    ("More than four in ten voters backed the plan.", "More than four in ten"),
    ("Nearly 200 flights were cancelled at Heathrow.", "Nearly 200 flights"),
    ("Accounts payable rose 4% in a filing the firm made.", "Accounts payable"),
    # "May" beside names, not months
    ("Johnson, May and Cameron all resigned.", "May"),
    ("Theresa May and Boris Johnson met.", "May"),
    # a part of the day of an event, not of a named day
    ("Shots were heard on the night of the vote.", "the night of the vote"),
    ("The EU needs partners (see SWP Comment 3/2022).", "3/2022"),
    ("India is a potential partner (see SWP Research Paper 17/2024).", "17/2024"),
    ("(English version of SWP-Aktuell 28/2025)", "28/2025"),
    ("DOI: 10.18449/2025C29", "2025C29"),
    ("ISSN (Print) 1861-1761", "1861-1761"),
    ("ISSN (Online) 2747-5107", "2747-5107"),
    ("Telephone +49 30 880 07-0", "+49 30 880 07-0"),
    ("Fax +49 30 880 07-100", "880 07-100"),
    ("Ludwigkirchplatz 3–4\n10719 Berlin", "10719"),
    ("Ludwigkirchplatz 3–4\n10719 Berlin", "3–4"),
    ("PREVENTING WORLD WAR 3", "WAR 3"),
    ("NATO's mutual defense clause, known as Article 5, remains.", "Article 5"),
    ("Dutch F-35 fighter jets intercepted the drones.", "F-35"),
    ("Trump threatens to make it the 51st state of the United States.", "51st state"),
    ("All of which are attending DSEI UK 2025.", "2025"),
    ("The EU published a White Paper entitled “Readiness 2030” and launched instruments.", "2030"),
    ("At least 65 per cent of components must be European.", "65 per cent"),
    ("The average award is £50,000 to £100,000.", "£50,000 to £100,000"),
    ("The alliance grew out of the rubble of the Second World War.", "Second"),
    ("All 27 member states agreed.", "27"),
    ("Theresa May said she would resign.", "May"),
    ("The Sunday Times reported the visit.", "Sunday"),
    ("Officials may meet to discuss it.", "may"),
    ("Protesters march through the city.", "march"),
    ("It was the first time since Brexit that London joined.", "first time"),
    ("In the end, it was the Belgians who put it best.", "the end"),
    ("The real conversations about the future of European security happen elsewhere.", "the future"),
    ("Later, more signs emerged of a thaw in relations.", "Later"),
    ("A good approach would be to start from year seven or even younger.", "year seven"),
    ("The Arab Spring changed the region.", "Spring"),
    ("Spending rose to 5 percent of GDP.", "5 percent"),
    ("Military chiefs from about 30 Kyiv allies will meet.", "30"),
    ("I authorised 4 RAF strikes on the Houthis.", "4"),
    ("Military procurement is excluded (see Art. 346 TFEU).", "346"),
    ("The analysis references Article 41(2) of the Treaty.", "41(2)"),
    ("It cites expenditure multipliers between 0.4 and 1.0 for defence.", "0.4 and 1.0"),
    ("Regulation (EU) 2021/241 sets the rules.", "2021/241"),
    ("Call 020 7946 0958 for details.", "020 7946 0958"),
    ("The company employs 2000 people in Wales.", "2000"),
    ("Attacks rose to 2000 in the region.", "2000"),
    ("The number of troops rose to 2500 and 2000 were injured.", "2000"),
    ("Some 2000 soldiers arrived at the base.", "2000"),
    ("He would one day return to power.", "one day"),
    ("The Daily Mail published the story.", "Daily"),
    ("The minutes of the meeting were published.", "minutes"),
    ("They worked long hours in the factory.", "hours"),
    ("Russia had hoped for victory in the early days of the war.", "days"),
    ("The fall of Kabul shocked the West.", "fall"),
    ("Spring water is expensive in Brussels.", "Spring"),
    ("She will march on Washington with the others.", "march"),
    ("Version 2.0 of the software was released.", "2.0"),
    ("The score was 3-1 after the match.", "3-1"),
    ("Room 2024 is on the second floor.", "2024"),
    ("Flight 2025 landed safely in Kyiv.", "2025"),
    ("The current geopolitical context is different.", "current"),
    ("This builds on our longstanding partnerships.", "longstanding"),
    ("The ongoing war in Ukraine continues.", "ongoing"),
    ("Ankara has so far been excluded from PESCO.", "so far"),
    ("The Partnership comes at a pivotal time for Europe.", "time"),
    ("Leaders met the day after the European Council meetings.", "the day after"),
    ("It provides military support worth up to €40 billion.", "€40 billion"),
    ("The 9/11 attacks changed the world.", "9/11"),
    ("The hotline is open 24/7 for citizens.", "24/7"),
    ("Two-thirds of members agreed with the plan.", "Two-thirds"),
    ("Section 2025 of the code applies.", "2025"),
    ("Contact: Rue de la Loi 175, tel. +32 2 281 61 11.", "2 281 61 11"),
    ("It adopted Decision (CFSP) 2024/1746 on the same day.", "2024/1746"),
    ("The vote was 3-2 in favour of the proposal.", "3-2"),
    ("The Sunday Telegraph said the talks failed.", "Sunday"),
    ("Her daughter April Jones joined the protest.", "April"),
    ("It was a Fall from grace for the minister.", "Fall"),
    ("The Year of the Dragon begins in China.", "Year"),
    ("Time magazine named him person of the year.", "the year"),
    ("He is a second-year student in Kyiv.", "second-year"),
    ("The Monday Club held a dinner in London.", "Monday"),
    ("He met Mr. March at the office.", "March"),
    ("The May government collapsed over Brexit.", "May"),
    ("The euro fell 2 per cent on the day.", "the day"),
    ("A 1,000-strong force was deployed to the border.", "1,000"),
    ("He scored in the 90th minute of the match.", "90th minute"),
    ("UN Security Council Resolution 2231 was discussed.", "2231"),
    ("Some 2,500 troops arrived in Lithuania.", "2,500"),
    ("The figures are on page 2023 of the annex.", "2023"),
    ("Windows 2000 was installed on the ministry computers.", "2000"),
    ("The Commission sits at Rue de la Loi 200, 1049 Brussels.", "1049"),
    ("Lot 2024-001 was sold at auction.", "2024-001"),
    ("The B-52 bombers flew over the Baltic.", "B-52"),
    ("The G7 summit condemned the attack.", "G7"),
    ("Covid-19 restrictions were lifted across Europe.", "Covid-19"),
    ("A third of members abstained in the vote.", "A third"),
    ("Half of the budget was spent on drones.", "Half"),
    ("Every member state must contribute to the fund.", "Every"),
    ("At first, the talks went well.", "At first"),
    ("The former minister spoke to reporters.", "former"),
    ("The recent agreement was signed in Brussels.", "recent"),
    ("The future king visited the troops.", "future"),
    ("The Weekly Standard closed its doors.", "Weekly"),
    ("They met at the Spring Meetings of the IMF.", "Spring"),
    ("Pages 12-14 explain the rules of origin.", "12-14"),
    ("The ratio of loans to grants was 3:2.", "3:2"),
    ("Article 122 of the EU treaties is used for emergencies.", "122"),
    ("The Netherlands sent F-16s to Ukraine.", "F-16s"),
    ("The model follows Smith 2010 et al. closely.", "2010 et"),
    ("The 1000 Genomes Project released its data.", "1000"),
    ("The convoy left at 0400 and reached the border.", "0400"),
    ("The team worked on 2100 files from the archive.", "2100"),
    ("Two more members joined the alliance.", "Two more"),
    # round qd1: a figure after a comparative of amount; a match's half, with or without a year nearby
    ("More than 1500 people attended the rally.", "1500"),
    ("Arsenal scored twice in the first half and held on.", "the first half"),
    ("Prices rose in 2024. Chelsea led in the first half.", "the first half"),
    ("The codes 2019/2088 were cited.", "2019/2088"),
]


def _anchor_id(anchor) -> str:
    if anchor is None:
        return "none"
    return anchor[1] if isinstance(anchor, tuple) else anchor.isoformat()


@pytest.mark.parametrize(
    "sentence,span,value,anchored,tclass,anchor,mod",
    POSITIVE,
    ids=[f"{v[1]!r}@{_anchor_id(v[5])}" for v in (getattr(p, "values", p) for p in POSITIVE)],
)
def test_phrase_is_found_and_normalised(nlp, extractor, sentence, span, value, anchored, tclass, anchor, mod):
    rows = run(nlp, extractor, sentence, anchor)
    hits = [r for r in rows if r["text"] == span]
    assert hits, f"{span!r} not found; got {[(r['text'], r['value']) for r in rows]}"
    row = hits[0]
    assert (row["value"], row["anchored"], row["tclass"]) == (value, anchored, tclass)
    assert row["mod"] == mod
    assert row["anchor"] == (_article("x", anchor).published if anchored else None)


@pytest.mark.parametrize("sentence,phrase", NEGATIVE, ids=[n[1] for n in NEGATIVE])
def test_phrase_is_not_a_date(nlp, extractor, sentence, phrase):
    start = sentence.index(phrase)
    end = start + len(phrase)
    rows = run(nlp, extractor, sentence)
    overlapping = [r["text"] for r in rows if r["start"] < end and start < r["end"]]
    assert overlapping == []


def test_table_sizes():
    # the issue asks for >= 150 phrases, a third of them negatives
    assert len(POSITIVE) + len(NEGATIVE) >= 150
    assert len(NEGATIVE) * 3 >= len(POSITIVE) + len(NEGATIVE)


# ---------------------------------------------------------------------------------------
# rows: schema, spans, ids
# ---------------------------------------------------------------------------------------
TEXT = (
    "BRUSSELS — Kallas said on Monday that leaders would meet on 20 March 2025, five years ago "
    "the UK left the EU.\nIn the next two weeks officials will work; the annual summit is in mid-May."
)


def test_rows_fit_the_schema_and_the_source(nlp, extractor):
    prefix = "header line\n"
    source_text = prefix + TEXT
    sentences = (Sentence("s1", len(prefix), len(source_text), 0, False),)
    art = Article("d9", "src.txt", len(prefix), len(source_text), TEXT, MON, "day", sentences)
    rows = extractor(nlp(view_text(TEXT)), art)
    assert [r["text"] for r in rows] == [
        "Monday", "20 March 2025", "five years ago", "the next two weeks", "annual", "mid-May"
    ]
    for r in rows:
        assert tuple(r) == COLUMNS
        assert source_text[r["start"]:r["end"]] == r["text"]
        assert r["sentence_id"] == "s1"
        assert r["date_id"] == dates_mod.span_id("t_", "src.txt", r["start"], r["end"])
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    to_arrow("dates", rows)  # raises on any column, type or null mismatch
    assert SCHEMAS["dates"].names == list(COLUMNS)


def test_no_expression_crosses_a_blank_line(nlp, extractor):
    rows = run(nlp, extractor, "The plan was agreed in May\n\n2025 Annual Report")
    assert rows and all("\n\n" not in r["text"] for r in rows)
    assert rows[0]["text"] == "May"


def test_same_input_same_rows(nlp, extractor):
    doc = nlp(view_text(TEXT))
    art = _article(TEXT)
    assert extractor(doc, art) == extractor(doc, art)


def test_doc_must_match_article(nlp, extractor):
    with pytest.raises(ValueError, match=r"\[E308\]"):
        extractor(nlp("A shorter text."), _article(TEXT))


def test_bad_rule_is_reported(lexicon):
    broken = dict(lexicon)
    broken["patterns"] = [{"id": "bad", "kind": "calendar", "rule": "MONTH NOSUCHCLASS"}]
    with pytest.raises(ValueError, match=r"\[E302\].*\[E306\]"):
        DateExtractor(broken)


def test_anchor_is_the_articles_own_date(nlp, extractor):
    # two articles of one source resolve "Monday" against their own publication dates
    text = "The minister resigned on Monday."
    doc = nlp(view_text(text))
    a = extractor(doc, _article(text, dt.date(2025, 3, 6)))
    b = extractor(doc, _article(text, dt.date(2025, 9, 12)))
    assert (a[0]["value"], b[0]["value"]) == ("2025-03-03", "2025-09-08")
    assert (a[0]["anchor"], b[0]["anchor"]) == (dt.date(2025, 3, 6), dt.date(2025, 9, 12))


_POINT = r"(?:[0-9]{4}|XXXX)(?:-(?:[0-9]{2}|W[0-9]{2}|WXX|Q[1-4]|H[12]|SP|SU|FA|WI|XX)(?:-(?:[0-9]{2}|[1-7]|WE|XX))?)?"
_TIMEX = re.compile(
    rf"{_POINT}(?:T(?:[0-9]{{2}}:[0-9]{{2}}|MO|AF|EV|NI))?|{_POINT}/{_POINT}|[0-9]{{2,3}}"
    r"|P(?:T)?(?:[0-9]+(?:\.[0-9]+)?|X)(?:Y|M|W|D|DE|CE|H|S)|(?:PAST|PRESENT|FUTURE)_REF"
)
_MODS = {None, "START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}
_FRAGMENTS = [getattr(p, "values", p)[0] for p in POSITIVE[::3]] + [n[0] for n in NEGATIVE[::3]]


@settings(max_examples=40, deadline=None)
@example(  # found by hypothesis: an anaphoric year resolved against the text's own date, with no anchor
    parts=["The summit took place on 19 May 2025 in London.", "The following year, the treaty was signed."],
    sep=" ", anchor=None)
@given(
    parts=st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=4),
    sep=st.sampled_from([" ", "\n", "\r\n", "\n\n"]),
    anchor=st.one_of(st.none(), dates_),
)
def test_rows_are_well_formed_for_any_mix_of_sentences(nlp, extractor, parts, sep, anchor):
    text = sep.join(parts)
    rows = extractor(nlp(view_text(text)), _article(text, anchor))
    ends = -1
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"] and r["text"].strip() == r["text"]
        assert r["start"] >= ends  # in text order, never overlapping
        ends = r["end"]
        assert r["tclass"] in {"date", "time", "duration", "set"}
        assert r["granularity"] in {None, "day", "week", "month", "quarter", "season", "year", "decade"}
        assert r["mod"] in _MODS
        assert r["value"] is None or _TIMEX.fullmatch(r["value"]), r["value"]
        assert (r["range_start"] is None) == (r["range_end"] is None)
        assert r["range_start"] is None or r["range_start"] <= r["range_end"]
        assert r["anchor"] == (anchor if r["anchored"] else None)
        if anchor is None and r["anchored"] and r["value"] and re.match(r"[0-9]{3}", r["value"]):
            # without an anchor a relative expression names a calendar year only from a time the text states
            # ("19 May 2025 ... The following year" is 2026, as TimeML resolves anaphora); never from the clock
            assert re.search(r"(?<![0-9])[0-9]{4}(?![0-9])", text[:r["start"]]), (text, r["value"])


# ---------------------------------------------------------------------------------------
# never the clock
# ---------------------------------------------------------------------------------------
CLOCK_TEXT = (
    "Officials said on Monday that the summit would take place next month, five years ago the UK "
    "left, and talks are planned for this week, tomorrow, 19 May and Friday morning. "
    "The war began in February 2022; today is what matters, three weeks ago and last year too."
)


def _moved_datetime(years: int):
    real = dt.datetime

    class Moved(real):
        @classmethod
        def now(cls, tz=None):
            return real.now(tz).replace(year=real.now(tz).year + years)

        @classmethod
        def utcnow(cls):
            return real.utcnow().replace(year=real.utcnow().year + years)

        @classmethod
        def today(cls):
            return cls.now()

    return Moved


def _moved_date(years: int):
    real = dt.date

    class Moved(real):
        @classmethod
        def today(cls):
            t = real.today()
            return real(t.year + years, t.month, min(t.day, 28))

    return Moved


# dateparser.conf and dateparser.date use the class only for isinstance checks of settings and
# results; every other dateparser module reads the clock through it
_CLOCK_EXEMPT = ("dateparser.conf", "dateparser.date")


def _move_clock(monkeypatch, years: int) -> int:
    moved_dt, moved_date = _moved_datetime(years), _moved_date(years)
    patched = 0
    for name, module in list(sys.modules.items()):
        if module is None or name in _CLOCK_EXEMPT or not (name.startswith("dateparser") or name == "pipeline.dates"):
            continue
        for attr, value in list(vars(module).items()):
            if value is dt.datetime:
                monkeypatch.setattr(module, attr, moved_dt)
                patched += 1
            elif value is dt.date:
                monkeypatch.setattr(module, attr, moved_date)
                patched += 1
    return patched


@pytest.mark.parametrize("anchor", [MON, None, (dt.date(2025, 6, 1), "month")], ids=["day", "none", "month"])
def test_values_do_not_depend_on_the_clock(nlp, lexicon, monkeypatch, anchor):
    from dateparser.date import DateDataParser

    doc = nlp(view_text(CLOCK_TEXT))
    art = _article(CLOCK_TEXT, anchor)
    dates_mod.clear_caches()
    before = DateExtractor(lexicon)(doc, art)
    this_year = DateDataParser(languages=["en"]).get_date_data("today").date_obj.year
    assert _move_clock(monkeypatch, 1) > 0
    # the clock really moved for dateparser: without a RELATIVE_BASE it now answers a year later
    assert DateDataParser(languages=["en"]).get_date_data("today").date_obj.year == this_year + 1
    dates_mod.clear_caches()
    after = DateExtractor(lexicon)(doc, art)
    dates_mod.clear_caches()
    assert after == before
    assert anchor is None or any(r["value"] and r["anchored"] for r in before)


def test_dateparser_readings_are_cached(nlp, extractor):
    doc = nlp(view_text(CLOCK_TEXT))
    art = _article(CLOCK_TEXT)
    extractor(doc, art)
    misses = dates_mod._dp_read.cache_info().misses
    extractor(doc, art)
    assert dates_mod._dp_read.cache_info().misses == misses


# ---------------------------------------------------------------------------------------
# publication date inference
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sunday, February 01, 2026\n\nUK and EU Resume Defence Talks\n\nBRUSSELS — The UK and EU agreed.",
         (dt.date(2026, 2, 1), "day", "header")),
        ("BRUSSELS, March 6, 2025 — EU leaders backed the plan on Thursday.", (dt.date(2025, 3, 6), "day", "header")),
        ("Fed cuts rates\nby WorldTribune Staff / 247 Real News December 10, 2025\n\nThe Fed cut rates on Wednesday.",
         (dt.date(2025, 12, 10), "day", "header")),
        ("Tejas deal signed\nNew Delhi (AFP) Sept 25, 2025\n\nIndia signed a deal on Thursday.",
         (dt.date(2025, 9, 25), "day", "header")),
        ("A cartoon about defence.\nFirst published on CagleCartoons.com, June 4, 2025 | By Malcolm McGookin",
         (dt.date(2025, 6, 4), "day", "published")),
        ("Carney wins.\nThe Liberals won the vote, officials said. Updated April 29, 2025 3:11 pm",
         (dt.date(2025, 4, 29), "day", "published")),
        ("In March 2025, the EU launched initiatives. The regulation was adopted in May 2025. "
         "The summit at the end of June 2025 will focus on security.", (dt.date(2025, 6, 1), "month", "bounds")),
        ("The talks began on 2 March 2025 and the leaders agreed a plan.", (dt.date(2025, 3, 1), "month", "lede")),
        ("Markets close 2025 near a record\nShares rose in 2025, the best year since 2021. Trading ended on "
         "Wednesday, December 31.", (dt.date(2025, 12, 1), "month", "weekday")),
        ("Stocks hit a record\nThe index rose on Friday, May 23, capping gains in 2024, 2024 and 2024.",
         (dt.date(2025, 5, 1), "month", "weekday")),  # 23 May is a Friday in 2025, not 2024
        ("Oil output steady\nOPEC+ kept output steady. Prices fell 18% in 2025, their steepest drop since 2020. "
         "Output in 2025 rose, and demand in 2025 slowed.", None),  # published 4 January 2026: looking back
        ("2025 was the third-warmest year\nTemperatures in 2025 rose, 2025 was hot and 2025 was dry. Scientists "
         "said 2026 will be warm too.", None),  # the past year bounds it from below only; 2026 leaves both open
        ("Sales rose 5% in 2025 so far, the carmaker said. It will report full-year results in December 2025.",
         (dt.date(2025, 1, 1), "year", "year")),
        ("Sales rose 5% in 2024, the carmaker said. It will report results in December 2025.", None),
        ("Analysts were predicting 1990 earnings of $3.90 a share. The deal will dilute earnings in 1990.", None),
        ("Poland budget\nPoland will spend 4.8% on defence by 2030, by 2030 and by 2030, after 2.1% in 2022.", None),
        ("The EU concluded a series of agreements in 2024.", None),
        ("Analysts recalled the invasion of Ukraine in February 2022 and what followed.", None),
        ("Leaders met on Thursday and will meet again on March 20-21.", None),
        ("Waxman said holders of its debentures due March 15, 2007 converted them.", None),
        # a cue glued to the credit before it; the digits read both ways, the caption's date in words says which
        ("Rheinmetall nears a deal\nSource: ReutersPublished: 11/04/2025, 10:14:00 EST\nItem 1 of 3 Lithuanian "
         "President Gitanas Nauseda and Rheinmetall CEO Armin Papperger attend the groundbreaking ceremony in "
         "Baisogala, Lithuania, November 4, 2025.", (dt.date(2025, 11, 4), "day", "published")),
        ("Rheinmetall nears a deal\nSource: ReutersPublished: 11/04/2025, 10:14:00 EST\nThe company won orders.",
         (dt.date(2025, 1, 1), "year", "published")),  # 11 April or 4 November: only the year is known
        ("NATO agrees\nThe leaders met in The Hague.\nPublished at: 25/06/2025 21:38:48",
         (dt.date(2025, 6, 25), "day", "published")),  # 25 cannot be a month
        ("Stocks slid on Wednesday. The company, which reported results on Wednesday, April 2, 2025, said sales rose "
         "in March.", (dt.date(2025, 4, 2), "day", "weekday_date")),
        ("The company reported results on Wednesday, April 2, 2025, and said sales rose in March.",
         (dt.date(2025, 4, 1), "month", "weekday_date")),
        ("The company reported results on Wednesday, April 30, 2025. Sales rose in April 2025.",
         (dt.date(2025, 1, 1), "year", "weekday_date")),  # published up to six days later: May perhaps
        ("FILE - A trader works on the floor on Tuesday, Jan. 28, 2025.\nShares fell on Tuesday as investors worried.",
         None),  # an archive photo's day
        ("The invasion began on Thursday, Feb. 24, 2022, officials recalled. Officials said on Thursday that prices "
         "rose in 2024.", None),  # a later year is reported: the weekday is another Thursday
        ("2025 third-hottest year\nLast year, 2025, was the third-hottest year ever recorded, scientists said.",
         (dt.date(2026, 1, 1), "year", "apposition")),
        ("Prices rose in 2024 and last year, analysts said.", None),  # two times, not one named twice
        ("Smith, who was born on March 3, 1990, won the final on Sunday.", None),  # a birth date dates no article
        ("Smith (born Thursday, Feb. 24, 1994) won the final on Thursday.", None),
        ("Shares fell on Tuesday.\n© 2025 Reuters. All rights reserved.", None),  # a copyright line
    ],
    ids=["header", "dateline", "byline-date", "credit-line-date", "published-cue", "updated-cue", "past-and-future",
         "past-day", "weekday-pair", "weekday-fixes-year", "past-year-thrice", "past-year-then-future",
         "year-between-past-and-future", "years-apart", "year-names-a-thing", "targets-only", "past-year", "one-old-date",
         "nothing-fixed", "maturity", "glued-cue-digits-read-by-words", "digits-read-both-ways", "digits-one-way",
         "weekday-date-named-alone", "weekday-date-month", "weekday-date-week-leaves-month", "archive-photo",
         "weekday-date-before-a-later-year", "year-apposition", "year-and-last-year", "birth-date",
         "birth-date-with-weekday", "copyright-line"],
)
def test_infer_publication_date(nlp, lexicon, text, expected):
    art = Article("d", "s.txt", 0, len(text), text, None, None)
    got = infer_publication_date(nlp(view_text(text)), art, lexicon=lexicon)
    if expected is None:
        assert got is None
        return
    date, precision, rule = expected
    assert got[:2] == (date, precision), got
    assert got[2].split()[0] == rule, got  # the evidence names the rule that decided and what it read


@pytest.mark.parametrize(
    "text,span,value",
    [
        ("The group met on Sunday.", "Sunday", "2025-WXX-7"),
        ("Talks resume next weekend.", "next weekend", "2025-WXX-WE"),
        ("Prices rose this year.", "this year", "2025"),
    ],
)
def test_year_only_anchor_keeps_what_is_unknown(nlp, extractor, text, span, value):
    rows = run(nlp, extractor, text, (dt.date(2025, 1, 1), "year"))
    assert [(r["text"], r["value"]) for r in rows if r["text"] == span] == [(span, value)]


# ---------------------------------------------------------------------------------------
# helpers: properties that hold for every anchor
# ---------------------------------------------------------------------------------------
@given(anchor=dates_, weekday=st.integers(1, 7), direction=st.sampled_from([-1, 0, 1]))
def test_weekday_lands_on_its_weekday_within_a_week(anchor, weekday, direction):
    d = resolve_weekday(anchor, weekday, direction=direction)
    assert d.isoweekday() == weekday
    assert abs((d - anchor).days) <= 6
    if direction < 0:
        assert d <= anchor
    if direction > 0:  # the anchor's yesterday stays yesterday whatever the tense (a day six ahead is "next ...")
        assert d >= anchor or d == anchor - dt.timedelta(days=1)
    if (anchor - dt.timedelta(days=1)).isoweekday() == weekday:
        assert d == anchor - dt.timedelta(days=1)
    if direction == 0:
        assert abs((d - anchor).days) <= 3


@given(anchor=dates_, weekday=st.integers(1, 7))
def test_last_and_next_weekday_exclude_the_anchor(anchor, weekday):
    assert anchor - dt.timedelta(days=7) <= resolve_weekday(anchor, weekday, rel=-1) < anchor
    assert anchor < resolve_weekday(anchor, weekday, rel=1) <= anchor + dt.timedelta(days=7)
    this = resolve_weekday(anchor, weekday, rel=0)
    assert this.isocalendar()[:2] == anchor.isocalendar()[:2]


@settings(max_examples=200)
@given(anchor=dates_, month=st.integers(1, 12), direction=st.sampled_from([-1, 0, 1]))
def test_yearless_month_is_the_nearest_on_the_tense_side(anchor, month, direction):
    a = dates_mod._Anchor(anchor, "day")
    year, interval = choose_instance(a, lambda y: dates_mod._month_range(y, month), direction=direction)
    assert interval[0].month == month and abs(year - anchor.year) <= 1
    distance = dates_mod._signed_distance(interval, a)
    if direction < 0:
        assert distance <= 0 and distance > -366
    elif direction > 0:
        assert 0 <= distance < 366
    else:
        assert abs(distance) <= 183


@given(count=st.one_of(st.none(), st.integers(1, 500)), unit=st.sampled_from(["Y", "M", "W", "D", "DE", "H", "MIN"]))
def test_duration_values_are_timex(count, unit):
    assert re.fullmatch(r"P(T)?([0-9]+|X)(Y|M|W|D|DE|H)", duration_value(count, unit))


@given(d=dates_)
def test_week_values_name_the_iso_week_of_the_range(d):
    value, gran, (start, end) = dates_mod._period_value(d, "week")
    assert gran == "week" and start <= d <= end and start.isoweekday() == 1 and (end - start).days == 6
    assert value == f"{start.isocalendar()[0]:04d}-W{start.isocalendar()[1]:02d}"


# ---------------------------------------------------------------------------------------
# fiscal years, quarters and halves (pipeline/stages/dates/fiscal.py)
# ---------------------------------------------------------------------------------------
D = dt.date
# sentence, expected span, tclass, value, (range_start, range_end) under the default (calendar) start,
# the same range under fiscal_year_start="india" (April); anchor MON (2025-03-17)
FISCAL = [
    ("Revenue rose 12% in FY2025, the company said.", "FY2025", "date", "FY2025",
     (D(2025, 1, 1), D(2025, 12, 31)), (D(2024, 4, 1), D(2025, 3, 31))),
    ("Infosys expects growth in FY25.", "FY25", "date", "FY2025",
     (D(2025, 1, 1), D(2025, 12, 31)), (D(2024, 4, 1), D(2025, 3, 31))),
    ("The target for FY 2025 was missed.", "FY 2025", "date", "FY2025",
     (D(2025, 1, 1), D(2025, 12, 31)), (D(2024, 4, 1), D(2025, 3, 31))),
    # a two-year label is the fiscal year ending in the second year; under a January start its range
    # is the two calendar years it names
    ("The budget for FY25-26 was approved.", "FY25-26", "date", "FY2026",
     (D(2025, 1, 1), D(2026, 12, 31)), (D(2025, 4, 1), D(2026, 3, 31))),
    ("The FY2025/26 budget was approved.", "FY2025/26", "date", "FY2026",
     (D(2025, 1, 1), D(2026, 12, 31)), (D(2025, 4, 1), D(2026, 3, 31))),
    ("Profit in fiscal 2024 rose 8%.", "fiscal 2024", "date", "FY2024",
     (D(2024, 1, 1), D(2024, 12, 31)), (D(2023, 4, 1), D(2024, 3, 31))),
    ("Profit in fiscal year 2024 rose 8%.", "fiscal year 2024", "date", "FY2024",
     (D(2024, 1, 1), D(2024, 12, 31)), (D(2023, 4, 1), D(2024, 3, 31))),
    ("Tax receipts rose in the 2025-26 fiscal year.", "the 2025-26 fiscal year", "date", "FY2026",
     (D(2025, 1, 1), D(2026, 12, 31)), (D(2025, 4, 1), D(2026, 3, 31))),
    ("Results for Q2FY25 were strong.", "Q2FY25", "date", "FY2025-Q2",
     (D(2025, 4, 1), D(2025, 6, 30)), (D(2024, 7, 1), D(2024, 9, 30))),
    ("Results for Q2 FY25 were strong.", "Q2 FY25", "date", "FY2025-Q2",
     (D(2025, 4, 1), D(2025, 6, 30)), (D(2024, 7, 1), D(2024, 9, 30))),
    ("Sales fell in the third quarter of FY26.", "the third quarter of FY26", "date", "FY2026-Q3",
     (D(2026, 7, 1), D(2026, 9, 30)), (D(2025, 10, 1), D(2025, 12, 31))),
    ("Net profit for H1 FY26 doubled.", "H1 FY26", "date", "FY2026-H1",
     (D(2026, 1, 1), D(2026, 6, 30)), (D(2025, 4, 1), D(2025, 9, 30))),
    ("Sales grew in the fourth quarter of fiscal 2024, the firm said.", "the fourth quarter of fiscal 2024", "date",
     "FY2024-Q4", (D(2024, 10, 1), D(2024, 12, 31)), (D(2024, 1, 1), D(2024, 3, 31))),
    # a bare quarter is one of the fiscal year its sentence names ...
    ("Fourth quarter profit rose, while fiscal 2024 sales fell.", "Fourth quarter", "date", "FY2024-Q4",
     (D(2024, 10, 1), D(2024, 12, 31)), (D(2024, 1, 1), D(2024, 3, 31))),
    # ... else a calendar quarter of the anchor's year, on the tense's side
    ("Fourth quarter profit rose 5%.", "Fourth quarter", "date", "2024-Q4",
     (D(2024, 10, 1), D(2024, 12, 31)), (D(2024, 10, 1), D(2024, 12, 31))),
    ("The company expects a loss in the fourth quarter.", "the fourth quarter", "date", "2025-Q4",
     (D(2025, 10, 1), D(2025, 12, 31)), (D(2025, 10, 1), D(2025, 12, 31))),
    ("Profits rose in fourth quarter trading.", "fourth quarter", "date", "2024-Q4",
     (D(2024, 10, 1), D(2024, 12, 31)), (D(2024, 10, 1), D(2024, 12, 31))),
    ("Third-quarter earnings fell 3%.", "Third-quarter", "date", "2024-Q3",
     (D(2024, 7, 1), D(2024, 9, 30)), (D(2024, 7, 1), D(2024, 9, 30))),
    ("Sales grew in the current fiscal year.", "the current fiscal year", "date", "FY2025",
     (D(2025, 1, 1), D(2025, 12, 31)), (D(2024, 4, 1), D(2025, 3, 31))),
]

FISCAL_NEGATIVE = [
    ("The FY figures were released on time.", "FY"),
    ("He drives an Audi Q2 to work.", "Q2"),
    ("Fiscal policy is tight this time.", "Fiscal policy"),
    ("The fiscal deficit of 4% is high.", "fiscal deficit of 4%"),
    ("A quarter of the budget went to drones.", "A quarter"),
    ("The first quarter-final was played in Paris.", "first quarter-final"),
]


@pytest.fixture(scope="module")
def india_extractor(lexicon):
    return DateExtractor(lexicon, fiscal_year_start="india")


@pytest.mark.parametrize("sentence,span,tclass,value,calendar_range,india_range", FISCAL, ids=[f[1] for f in FISCAL])
def test_fiscal_phrase(nlp, extractor, india_extractor, sentence, span, tclass, value, calendar_range, india_range):
    for ex, expected_range in ((extractor, calendar_range), (india_extractor, india_range)):
        rows = run(nlp, ex, sentence)
        hits = [r for r in rows if r["text"] == span]
        assert hits, f"{span!r} not found; got {[(r['text'], r['value']) for r in rows]}"
        row = hits[0]
        assert sentence[row["start"]:row["end"]] == row["text"]
        assert (row["tclass"], row["value"], (row["range_start"], row["range_end"])) == (tclass, value, expected_range)


@pytest.mark.parametrize("sentence,phrase", FISCAL_NEGATIVE, ids=[n[1] for n in FISCAL_NEGATIVE])
def test_fiscal_look_alike_is_not_a_date(nlp, extractor, sentence, phrase):
    start = sentence.index(phrase)
    end = start + len(phrase)
    rows = run(nlp, extractor, sentence)
    assert [r["text"] for r in rows if r["start"] < end and start < r["end"]] == []


@pytest.mark.parametrize("start,month,expected", [
    ("calendar", 1, (D(2025, 1, 1), D(2025, 12, 31))),
    ("us_federal", 10, (D(2024, 10, 1), D(2025, 9, 30))),
    ("uk_government", 4, (D(2024, 4, 1), D(2025, 3, 31))),
    ("japan", 4, (D(2024, 4, 1), D(2025, 3, 31))),
    ("australia", 7, (D(2024, 7, 1), D(2025, 6, 30))),
    (7, 7, (D(2024, 7, 1), D(2025, 6, 30))),
])
def test_fiscal_year_start_is_configurable(nlp, lexicon, start, month, expected):
    ex = DateExtractor(lexicon, fiscal_year_start=start)
    assert ex.grammar.fiscal_start == month
    row = next(r for r in run(nlp, ex, "Spending rose in FY2025.") if r["text"] == "FY2025")
    assert (row["value"], (row["range_start"], row["range_end"])) == ("FY2025", expected)


def test_unknown_fiscal_year_start_is_reported(lexicon):
    with pytest.raises(ValueError, match="E309"):
        DateExtractor(lexicon, fiscal_year_start="narnia")


# ---------------------------------------------------------------------------------------
# anaphoric times: resolved against the time the text last spoke of
# ---------------------------------------------------------------------------------------
ANAPHORA = [
    # (text, span, value): real news phrasings, anchored at MON (2025-03-17)
    ("Savin posted a third-quarter net loss of $2.3 million, against a profit of $5.3 million a year earlier.",
     "a year earlier", "2023-Q3"),  # the third quarter before the anchor is 2024-Q3
    ("Revenue fell in the third quarter. Revenue declined 8% from $93.3 million a year earlier.",
     "a year earlier", "2023-Q3"),  # the third quarter before the anchor is 2024-Q3
    ("Inflation rose 3.5% in February, up from 2.8% a year earlier.", "a year earlier", "2024-02"),
    ("The attack began on 9 September 2025. Earlier that day, drones were seen.", "Earlier that day", "2025-09-09"),
    ("Voters went to the polls on 23 February 2025, and later that week the talks began.",
     "later that week", "2025-W08"),
    ("The party was founded in 2013. The following year, it entered parliament.", "The following year", "2014"),
    ("The ceasefire was signed on 19 May 2025. Three days later, it collapsed.", "Three days later", "2025-05-22"),
    ("The company had a loss for the quarter, its first in years.", "the quarter", "2024-Q4"),
    # with nothing spoken of before: the publication date, for backward shifts only
    ("Output was 2% lower than a year earlier.", "a year earlier", "2024-03-17"),
    # "a year ago" in or right after a sentence reporting a quarter or month: that period a year before
    ("Third-quarter net income rose 11%. Net advanced to $94.2 million from $85 million a year ago.",
     "a year ago", "2023-Q3"),
    ("Prices in February rose 3% from a year ago.", "a year ago", "2024-02"),
    # ... or anywhere after a quarter the text last spoke of (an earnings report's comparison)
    ("Third-quarter profit rose 5%. Revenue grew. Costs fell. Oil prices were higher than a year ago.",
     "a year ago", "2023-Q3"),
    # "a year earlier" right after "a year ago" is the same time, not a second shift
    ("The firm had a loss of $2 million a year ago. Sales were $3 million against $4 million a year earlier.",
     "a year earlier", "2024"),
    # "the year-earlier quarter", "year-ago results": the period last spoken of, a year before
    ("Net rose in the third quarter from $4 million in the year-earlier quarter.", "the year-earlier quarter",
     "2023-Q3"),
    ("Sales fell in January from the comparable year-ago period.", "the comparable year-ago period", "2024-01"),
    ("Third-quarter profit beat year-earlier results.", "year-earlier", "2023-Q3"),
    # a day that closes the period of its sentence ("the quarter ended Sept. 30") leaves the period the reference
    ("Net was $4 million in the fiscal first quarter ended Sept. 30. It lost $2 million a year ago.",
     "a year ago", "2024-Q1"),
    ("For the six months ended Aug. 12, net was $6 million, against $18 million a year earlier.",
     "a year earlier", "2023-08-12"),  # Aug. 12 before the anchor is 2024-08-12
    # a definite span of months ("for the nine months") is the report's year so far: a year earlier is the year before
    ("For the nine months, Du Pont earned $2 billion, up 18% from $1.69 billion a year earlier.",
     "a year earlier", "2024"),
    ("In the first nine months, exports rose 4% from a year earlier.", "a year earlier", "2024"),
    ("Net for the nine months fell, against year-earlier net income of $1 million.", "year-earlier", "2024"),
    # "the year-ago third quarter" names its quarter; with nothing spoken of, that of the last third quarter over
    ("National Intergroup in the year-ago third quarter earned $22.5 million.", "the year-ago third quarter",
     "2023-Q3"),
    ("Third-quarter net fell. In the year-earlier third quarter, it earned $2.8 million.",
     "the year-earlier third quarter", "2023-Q3"),
    # "the year-earlier period" compares with the report's quarter (the first one over it spoke of), not with a
    # quarter it spoke of since
    ("Third-quarter net rose 20%. After a flat second quarter, the gain came from diapers. Charges taken in the "
     "year-earlier period weighed.", "the year-earlier period", "2023-Q3"),
    # "the latest period" is the quarter (or month) the report last spoke of
    ("Third-quarter net fell 9%. Sales in the latest period were $1.76 billion, up 13%.", "the latest period",
     "2024-Q3"),
    ("Exports rose in February. The latest period also saw imports fall.", "The latest period", "2025-02"),
    # "the 1988 period", "the 1988 quarter": the report's quarter in that year
    ("Third-quarter net fell 6%. Kirschner earned $376,000 on revenue of $14.5 million in the 2023 quarter.",
     "the 2023 quarter", "2023-Q3"),
    ("Net rose 20% in the third quarter. After a flat second quarter, sales grew. In the 2024 period also, "
     "interest expense was lower.", "the 2024 period", "2024-Q3"),
    # "the corresponding period last year", "last year's quarter": the report's period a year before
    ("Third-quarter net fell. It compares with $1.8 million for the corresponding period last year.",
     "the corresponding period last year", "2023-Q3"),
    ("Exports rose 4% in February from the same month last year.", "the same month last year", "2024-02"),
    ("Net fell in the third quarter. U.K. sales for last year's quarter were about $3 million.",
     "last year's quarter", "2023-Q3"),
    # "the full year" is the report's own year, whatever was spoken of before
    ("By 2027 it aims at a 50% share. It forecast an earnings increase for the full year.", "the full year", "2025"),
    # "the latest quarter" is the last one over, whatever was spoken of before
    ("It expects a second-quarter charge. Net in the latest quarter rose.", "the latest quarter", "2024-Q4"),
    # "that quarter", "that same day", "the previous quarter": the period the text last spoke of, or the one before
    ("Net income rose in the second quarter. Results for that quarter included a write-down.", "that quarter",
     "2024-Q2"),
    ("The strike began on 9 September 2025. His name was crossed out that same day.", "that same day",
     "2025-09-09"),
    ("Sales were $2 billion, up from $1.8 billion in the previous quarter.", "the previous quarter", "2024-Q4"),
    # "that same day" after a month is a day of it, written with its day unknown (TimeBank: "killed last October
    # ... crossed out that same day" 1998-10-XX)
    ("Dr. Slepian was gunned down last October. His name was crossed out that same day.", "that same day",
     "2024-10-XX"),
    # "the first nine months of the year": the year the text spoke of, else the anchor's (TimeBank marks "the
    # year" apart from the count of months)
    ("Revenue fell 4% to $713.5 million through the first nine months of the year.", "the year", "2025"),
    ("Shares closed at a record on 30 December 2024. Sales rose in the last two months of the year.", "the year",
     "2024"),
    # "a high for the year of $42.875": "of" before a figure is no title ("player of the year")
    ("The stock rose to a high for the year of $42.875 a share in June.", "the year", "2025"),
    # "in the morning", "that night", "the next morning": that part of the day last spoken of, or of the day after
    ("Hopes were dashed Friday. Dealers placed heavy buy orders in the morning.", "the morning", "2025-03-14TMO"),
    ("He was arrested on 4 March 2025 and appeared in court the next morning.", "the next morning", "2025-03-05TMO"),
    ("Fighting broke out on 3 May 2024. That night, shells fell on the city.", "That night", "2024-05-03TNI"),
    # a definite period after a finer time of the text is the period holding it
    ("The index tumbled 5.39 on Friday. For the week, the index dropped 3.8%.", "the week", "2025-W11"),
    ("Shares closed at a record on 30 December 2024. For the year, they rose 40%.", "the year", "2024"),
    # "earlier in the year", "later in the week": the period the text last spoke of, else the anchor's
    ("Herbicide use was delayed earlier in the year by heavy rains.", "earlier in the year", "2025"),
    ("The talks stalled on Monday. Later in the week, the envoy returned.", "Later in the week", "2025-W12"),
    # "the previous Friday", "the preceding Sunday", "the following Monday": the one before or after the day the
    # text spoke of, not the publication date's (TimeBank 1 of 1: "down 4.5% from the previous Friday")
    ("London shares closed sharply lower Friday. The index was down 4.5% from the previous Friday.",
     "the previous Friday", "2025-03-07"),
    ("Talks collapsed on 12 March 2025. The preceding Sunday, the leaders had met in London.", "The preceding Sunday",
     "2025-03-09"),
    ("The strike began on Tuesday, 4 March 2025. Work resumed the following Monday.", "the following Monday",
     "2025-03-10"),
]
# "year-earlier", "year-ago" right after the year-back side of a comparison ("last year", "the 2024 period",
# "a year ago") is that side, not a year before it (TimeBank 2 of 2)
ANAPHORA += [
    ("Net income fell 22%. Last year catastrophe losses totaled $5 million. The year-earlier results have been "
     "restated.", "year-earlier", "2024"),
    ("In the first nine months, net was $306 million, compared with a loss of $195 million in the 2024 period. The "
     "year-ago results included a charge.", "year-ago", "2024"),
    ("Output was 5% lower a year ago. Year-earlier figures were restated.", "Year-earlier", "2024"),
    # look-alikes: a year the text names that is no comparison side, or a quarter compared, shift back
    ("Sales rose in 2022. Year-earlier results were weak.", "Year-earlier", "2021"),
    ("Net income rose in the third quarter. The year-earlier quarter included a charge.",
     "The year-earlier quarter", "2023-Q3"),
]
# look-alikes: no day spoken of before, no article, or a plural leave the weekday to the publication date
ANAPHORA += [
    ("The index was down 4.5% from the previous Friday.", "the previous Friday", "2025-03-14"),
    ("Talks collapsed on 12 March 2025. Following Sunday's vote, the leaders met.", "Sunday", "2025-03-16"),
]
# "last year" as the side a report's figure is compared with: the period it reports, a year before
# (TimeBank: 3 of 4 after a quarter)
ANAPHORA += [
    ("Net income in the third quarter fell to $3 million from $4 million last year.", "last year", "2023-Q3"),
    ("In the latest quarter, the insurer had a $23 million loss, compared with earnings of $33 million last year.",
     "last year", "2023-Q4"),
    ("Net rose in the third quarter. Sales were $1.76 billion, a 13% increase from last year's $1.55 billion.",
     "last year", "2023-Q3"),
]
ANAPHORA_UNRESOLVED = [
    # look-alikes: an event's time, or a reference coarser than the anaphor, gives no value
    ("A year later, the pact collapsed.", "A year later", None),
    ("The treaty lapsed at the end of that year.", "the end of that year", None),
    ("The party was founded in 2013. Three days later, it split.", "Three days later", None),
    ("The party was founded in 2013. It split that same day.", "that same day", None),
    ("The party was founded in 2013. That night, it split.", "That night", None),
    ("Year-earlier results were weak.", "Year-earlier", None),
    ("Sales fell on Tuesday from the year-earlier quarter.", "the year-earlier quarter", None),
    ("Sales in the latest period rose 5%.", "the latest period", None),
    ("Growth slowed in 2024. The latest period saw a rebound.", "The latest period", None),
]
# look-alikes of "a year ago" as the year-ago period: another granularity, or no report of a period
YEAR_AGO_IS_THE_YEAR = [
    ("Unemployment rose in 2024. It was 5% a year ago.", "a year ago", "2024"),
    ("The firm reported on Tuesday. Sales were 5% lower a year ago.", "a year ago", "2024"),
    ("Two years ago the plant closed. A year later it reopened.", "A year later", "2024"),
    ("In March sales rose. Prices fell. Costs rose. Output was lower than a year ago.", "a year ago", "2024"),
    # "last year" compared with no figure, or compared in a year's report, is the year
    ("Net rose in the third quarter. He moved from Boston last year.", "last year", "2024"),
    ("Analysts expect $4 a share for this year, up from last year's $3.27 a share.", "last year", "2024"),
    ("Net income in the third quarter rose 5%. Last year, the firm lost $4 million.", "Last year", "2024"),
    # "the 2023 period" of a year-to-date span, or with no period spoken of, is the year
    ("In the first nine months, net was $306 million, against a loss of $195 million in the 2023 period.",
     "the 2023 period", "2023"),
    ("The 2023 period was hard for the airline.", "The 2023 period", "2023"),
    ("Sales rose on Tuesday from the same period last year.", "the same period last year", "2024"),
    ("Exports rose in 2024. Sales matched the same quarter last year.", "the same quarter last year", "2024"),
    # look-alikes of the year so far: a span back from the report, or one that names its own end
    ("Third-quarter sales rose. Prices over the past nine months were 5% above a year earlier.",
     "a year earlier", "2023-Q3"),
    ("Third-quarter sales rose. For the nine months ended Sept. 30, net was up 5% from a year earlier.",
     "a year earlier", "2023-09-30"),
]


# a bare month listed after another is the next instance after it ("pause output hikes for January, February and
# March", written on 4 January 2026: February and March 2026, not the past ones the tense picks alone)
@pytest.mark.parametrize("text,span,value,reference", [
    ("They agreed in November to pause output hikes for January, February and March.", "February", "2026-02",
     "text 'January'"),
    ("They agreed in November to pause output hikes for January, February and March.", "March", "2026-03",
     "text 'February'"),
    ("Output was cut in November, December and January.", "January", "2026-01", "text 'December'"),
    # look-alikes: a list running back, or months in two clauses, keep their own reading
    ("Sales fell in March and February.", "February", "2025-02", None),
    ("Sales fell in January, and in February they rose.", "February", "2025-02", None),
])
def test_listed_month_follows_the_one_before(nlp, extractor, text, span, value, reference):
    rows = {r["text"]: r for r in run(nlp, extractor, text, dt.date(2026, 1, 4))}
    assert (rows[span]["value"], rows[span]["reference"]) == (value, reference)


@pytest.mark.parametrize("text,span,value", ANAPHORA + ANAPHORA_UNRESOLVED + YEAR_AGO_IS_THE_YEAR,
                         ids=[a[1] + "|" + a[0][:20] for a in ANAPHORA + ANAPHORA_UNRESOLVED + YEAR_AGO_IS_THE_YEAR])
def test_anaphoric_times(nlp, extractor, text, span, value):
    rows = run(nlp, extractor, text)
    hits = [r for r in rows if r["text"] == span]
    assert hits, [(r["text"], r["value"]) for r in rows]
    assert hits[0]["value"] == value


@pytest.mark.parametrize("text", [
    "That quarter of the population has no access to clean water.",
    "Opposition came from that quarter of the party.",
    "Prices rose later in the week after the vote.",  # the week of an event the text names
])
def test_look_alikes_of_definite_times_are_no_time(nlp, extractor, text):
    assert run(nlp, extractor, text) == []


@pytest.mark.parametrize("text,span,reference", [
    # the text time that fixed an anaphoric value is its evidence, the publication date when none was spoken of
    ("The attack began on 9 September 2025. Earlier that day, drones were seen.", "Earlier that day",
     "text '9 September 2025'"),
    ("Output was 2% lower than a year earlier.", "a year earlier", "published"),
    ("Shares fell on Tuesday. Net income in the quarter rose 4%.", "Tuesday", None),
])
def test_anaphoric_value_names_its_reference(nlp, extractor, text, span, reference):
    rows = {r["text"]: r for r in run(nlp, extractor, text)}
    assert rows[span]["reference"] == reference


@pytest.mark.parametrize("text,span", [
    ("The treaty came 30 years after the Budapest Memorandum.", "30 years"),
    ("An article published two days before the attack warned of it.", "two days"),
])
def test_units_before_an_event_are_a_duration(nlp, extractor, text, span):
    rows = run(nlp, extractor, text)
    assert [(r["text"], r["tclass"]) for r in rows] == [(span, "duration")]


# ---------------------------------------------------------------------------------------
# word sense, adjacent expressions, duration units
# ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    # adjacent expressions split: both found
    ("Consumer prices rose 3.5 per cent on a year earlier last month.",
     [("a year earlier", "2024-02"), ("last month", "2025-02")]),
    # a clock time and the day right after it are one time; "twenty four" is one number
    ("The polls open at 9 a.m. Tuesday.", [("9 a.m. Tuesday", "2025-03-18T09:00")]),
    ("In the last twenty four hours, stocks fell.", [("the last twenty four hours", "PT24H")]),
    # durations with units the grammar lacked
    ("The recovery could take a half year.", [("a half year", "P6M")]),
    ("Profits fell for two quarters in a row.", [("two quarters", "P6M")]),
    ("It took half a decade to build.", [("half a decade", "P5Y")]),
    ("The meeting took an hour and a half.", [("an hour and a half", "PT90M")]),
    ("It took a year and a half to build the plant.", [("a year and a half", "P18M")]),
    ("But a minute and a half later, a pilot calls in.", [("a minute and a half", "PT90S")]),
    ("They ordered a pizza and a half.", []),
    # "the week of March 6": the ISO week holding that day
    ("It may be resolved in a court hearing the week of March 6.", [("the week of March 6", "2025-W10")]),
    ("Talks resume the week of Jan. 6, 2026.", [("the week of Jan. 6, 2026", "2026-W02")]),
    ("He resigned the week of the vote.", []),
    # word sense: the verb is no season
    ("Interest rates are set to fall next year.", [("next year", "2026")]),
    ("Prices fall when supply rises.", []),
    ("Sales rose in the fall.", [("the fall", "2024-FA")]),
    # look-alikes: fractions and names
    ("Three quarters of voters backed the plan.", []),
    ("A quarter of the budget goes to defence.", []),
])
def test_sense_split_and_units(nlp, extractor, text, expected):
    rows = run(nlp, extractor, text)
    assert [(r["text"], r["value"]) for r in rows] == expected
