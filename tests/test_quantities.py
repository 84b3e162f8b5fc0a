"""The quantities stage on real news phrasing: what it finds, how it reads it, and what it leaves alone."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.article import Article
from pipeline.stages.quantities import (
    COLUMNS,
    LexiconError,
    QuantityExtractor,
    compile_lexicon,
    normalise_space,
    parse_number_token,
    parse_number_words,
)
from tests.test_quantities_gold import extractor, quantity_nlp, view  # noqa: F401 (fixtures)

NULL = None

# (sentence, expected text, kind, value | (low, high) | NULL, unit, approx)
POSITIVE = [
    # --- money: symbols, glued scales, codes, words
    ("The EU's €150bn loans scheme opened for applications.", "€150bn", "money", 150e9, "EUR", None),
    ("Brussels will raise €150 billion for the SAFE instrument.", "€150 billion", "money", 150e9, "EUR", None),
    ("The EU intends to raise 150 billion euros and lend it on.", "150 billion euros", "money", 150e9, "EUR", None),
    ("Kallas proposed military support worth up to €40 billion.", "€40 billion", "money", 40e9, "EUR", "up to"),
    ("The average award is £50,000 to £100,000, the firm said.", "£50,000 to £100,000", "money", (50_000, 100_000), "GBP", None),
    # a qualifier of the second end stays inside the range
    ("Proposals range from 250,000 to over 480,000 troops.", "250,000 to over 480,000 troops", "count",
     (250_000, 480_000), "troops", "over"),
    ("Costs could reach €2bn to nearly €3bn.", "€2bn to nearly €3bn", "money", (2e9, 3e9), "EUR", "nearly"),
    # after a verb of change they stay a change: two values, the second with its qualifier
    ("Spending rose from 2% to over 3% of GDP.", "2%", "percent", 2, "%", None),
    ("Spending rose from 2% to over 3% of GDP.", "3%", "percent", 3, "%", "over"),
    ("The new fund will cost €1-2bn over five years.", "€1-2bn", "money", (1e9, 2e9), "EUR", None),
    ("Analysts expect between $5bn and $10bn in new orders.", "$5bn and $10bn", "money", (5e9, 10e9), "USD", None),
    ("Ottawa pledged C$3m to the mission.", "C$3m", "money", 3e6, "CAD", None),
    ("Canberra committed A$2bn in military aid.", "A$2bn", "money", 2e9, "AUD", None),
    ("The fund paid US$5bn for the stake.", "US$5bn", "money", 5e9, "USD", None),
    ("The grant is worth NZ$4m, officials said.", "NZ$4m", "money", 4e6, "NZD", None),
    ("Tokyo set aside ¥500bn for coastal defence.", "¥500bn", "money", 500e9, "JPY", None),
    ("The Swiss contribution was CHF 10m this year.", "CHF 10m", "money", 10e6, "CHF", None),
    ("Bonds worth EUR 5m were issued on Tuesday.", "EUR 5m", "money", 5e6, "EUR", None),
    ("The contract is valued at GBP 27 million.", "GBP 27 million", "money", 27e6, "GBP", None),
    ("The company raised 5bn USD in the offering.", "5bn USD", "money", 5e9, "USD", None),
    ("The budget rose to USD 2.5 billion.", "USD 2.5 billion", "money", 2.5e9, "USD", None),
    ("Ukraine received 200 million hryvnias from the fund.", "200 million hryvnias", "money", 200e6, "UAH", None),
    ("Moscow will spend 13 trillion roubles on defence.", "13 trillion roubles", "money", 13e12, "RUB", None),
    ("The ministry asked for 10 trillion rubles.", "10 trillion rubles", "money", 10e12, "RUB", None),
    ("A bus ticket now costs 50 pence.", "50 pence", "money", 0.5, "GBP", None),
    ("A first-class stamp costs 85p.", "85p", "money", 0.85, "GBP", None),
    ("The price of a litre rose by 20 cents.", "20 cents", "money", 0.2, "USD", None),
    ("He was fined 5,000 pounds by the court.", "5,000 pounds", "money", 5000, "GBP", None),
    ("Kyiv says it needs $300 billion to rebuild.", "$300 billion", "money", 300e9, "USD", None),
    ("The plan could mobilise €800bn for defence.", "€800bn", "money", 800e9, "EUR", None),
    ("The deal is worth $1.5tn over a decade.", "$1.5tn", "money", 1.5e12, "USD", None),
    ("Spending will reach £2.5bn next year.", "£2.5bn", "money", 2.5e9, "GBP", None),
    ("The EU froze €210 billion of Russian assets.", "€210 billion", "money", 210e9, "EUR", None),
    ("The bill includes $61 billion for Ukraine.", "$61 billion", "money", 61e9, "USD", None),
    ("The city won a $5 million grant.", "$5 million", "money", 5e6, "USD", None),
    ("The pilot scheme costs €5 m a year to run.", "€5 m", "money", 5e6, "EUR", None),
    ("The deal is worth 2 billion dollars to the state.", "2 billion dollars", "money", 2e9, "USD", None),
    ("Japan pledged 1 trillion yen in loans.", "1 trillion yen", "money", 1e12, "JPY", None),
    ("Warsaw will buy tanks for 20 billion zlotys.", "20 billion zlotys", "money", 20e9, "PLN", None),
    ("Bern pledged 5 million Swiss francs.", "5 million Swiss francs", "money", 5e6, "CHF", None),
    ("The firm paid 3 million Canadian dollars for it.", "3 million Canadian dollars", "money", 3e6, "CAD", None),
    ("India allotted ₹6 trillion to defence.", "₹6 trillion", "money", 6e12, "INR", None),
    ("It is a one billion euro programme.", "one billion euro", "money", 1e9, "EUR", None),
    ("The EU will lend a billion euros to Kyiv.", "a billion euros", "money", 1e9, "EUR", None),
    ("The fund will hold $5bn-$10bn in reserve.", "$5bn-$10bn", "money", (5e9, 10e9), "USD", None),
    ("Estimates range from $5bn to $10bn.", "$5bn to $10bn", "money", (5e9, 10e9), "USD", None),
    ("Costs have been put at between £1bn and £2bn.", "£1bn and £2bn", "money", (1e9, 2e9), "GBP", None),
    ("The repairs will cost millions of euros.", "millions of euros", "money", NULL, "EUR", None),
    ("Washington has sent billions of dollars in aid.", "billions of dollars", "money", NULL, "USD", None),
    ("Tens of billions of euros are at stake.", "Tens of billions of euros", "money", NULL, "EUR", None),
    ("Berlin approved a 5 billion euro package.", "5 billion euro", "money", 5e9, "EUR", None),
    ("The agency paid $5.5m to the contractor.", "$5.5m", "money", 5.5e6, "USD", None),
    ("Brasília raised R$10bn in bonds.", "R$10bn", "money", 10e9, "BRL", None),
    ("The charity raised £3.2 million in a week.", "£3.2 million", "money", 3.2e6, "GBP", None),
    ("Each drone costs $2,000 to build.", "$2,000", "money", 2000, "USD", None),
    ("The war has cost around $3bn a month.", "$3bn", "money", 3e9, "USD", "around"),
    ("The package is worth nearly €1tn.", "€1tn", "money", 1e12, "EUR", "nearly"),
    ("Member states pledged more than €100bn.", "€100bn", "money", 100e9, "EUR", "more than"),
    ("The rebate is roughly 2 billion pounds.", "2 billion pounds", "money", 2e9, "GBP", "roughly"),
    ("The house sold for almost £1m.", "£1m", "money", 1e6, "GBP", "almost"),
    ("Each grant is capped at at most $50m.", "$50m", "money", 50e6, "USD", "at most"),
    ("The project cost less than $1 billion.", "$1 billion", "money", 1e9, "USD", "less than"),
    ("Trade was worth over $100 billion last year.", "$100 billion", "money", 100e9, "USD", "over"),
    ("The programme costs approximately €3bn.", "€3bn", "money", 3e9, "EUR", "about"),
    ("The all-in price was in excess of £1bn.", "£1bn", "money", 1e9, "GBP", "more than"),
    ("All 27 EU leaders backed investment potentially totaling €800\nbillion on Thursday.", "€800\nbillion", "money", 800e9, "EUR", "potentially"),
    ("Seoul agreed a ₩2 trillion deal with Warsaw.", "₩2 trillion", "money", 2e12, "KRW", None),
    ("The loan of $1.2bn was approved.", "$1.2bn", "money", 1.2e9, "USD", None),
    ("The levy raised £400m in its first year.", "£400m", "money", 400e6, "GBP", None),
    ("Investors lost 1.5 trillion yuan in a week.", "1.5 trillion yuan", "money", 1.5e12, "CNY", None),
    ("A further €35bn will follow in 2026.", "€35bn", "money", 35e9, "EUR", None),
    ("The firm reported a profit of £12.5bn.", "£12.5bn", "money", 12.5e9, "GBP", None),
    ("The aid totals $175bn since 2022.", "$175bn", "money", 175e9, "USD", None),
    ("The Treasury found another £10 billion.", "£10 billion", "money", 10e9, "GBP", None),
    ("The minister approved €2.4 billion in contracts.", "€2.4 billion", "money", 2.4e9, "EUR", None),
    ("The budget is 50 million euros short.", "50 million euros", "money", 50e6, "EUR", None),
    ("Kyiv received 3bn euros from the bloc.", "3bn euros", "money", 3e9, "EUR", None),
    # --- percentages
    ("At least 65% of components must come from Europe.", "65%", "percent", 65, "%", "at least"),
    ("The procurement should include at least 65 per cent European parts.", "65 per cent", "percent", 65, "%", "at least"),
    ("Only 35 percent of the value may come from abroad.", "35 percent", "percent", 35, "%", "only"),
    ("Wages rose 65 pc in a decade.", "65 pc", "percent", 65, "%", None),
    ("Turnout reached 65pc in the capital.", "65pc", "percent", 65, "%", None),
    ("The deficit widened by 0.4 percentage points.", "0.4 percentage points", "percent", 0.4, "pp", None),
    ("The economy could grow 2-3% next year.", "2-3%", "percent", (2, 3), "%", None),
    ("Growth is forecast between 2 and 3 percent.", "2 and 3 percent", "percent", (2, 3), "%", None),
    ("Officials expect 2% to 3% growth.", "2% to 3%", "percent", (2, 3), "%", None),
    ("Inflation will be 2 to 3 per cent.", "2 to 3 per cent", "percent", (2, 3), "%", None),
    ("Analysts see a 5% rise in orders.", "5%", "percent", 5, "%", None),
    ("Trump imposed 10 percent duties on imports.", "10 percent", "percent", 10, "%", None),
    ("Growth slowed to 1.5% in the spring.", "1.5%", "percent", 1.5, "%", None),
    ("Inflation rose from 2% to 3% last year.", "2%", "percent", 2, "%", None),
    ("Inflation rose from 2% to 3% last year.", "3%", "percent", 3, "%", None),
    ("Unemployment fell from 8 to 6 percent.", "8", "percent", 8, "%", None),
    ("The bank announced a 25 basis point cut.", "25 basis point", "percent", 25, "bp", None),
    ("Allies agreed a target of 5 percent of GDP.", "5 percent", "percent", 5, "%", None),
    ("Support fell to nearly 40 percent.", "40 percent", "percent", 40, "%", "nearly"),
    ("Prices climbed about 3.5% in March.", "3.5%", "percent", 3.5, "%", "about"),
    ("The economy grew 2.1 per cent last year.", "2.1 per cent", "percent", 2.1, "%", None),
    ("Unemployment stood at 4.2 pct in May.", "4.2 pct", "percent", 4.2, "%", None),
    ("The state owns 100% of the company.", "100%", "percent", 100, "%", None),
    ("It counts toward the minimum 65 per cent share.", "65 per cent", "percent", 65, "%", "at least"),
    ("The agency expects a 2–3% rise.", "2–3%", "percent", (2, 3), "%", None),
    ("Approval dipped to just under 10 percent.", "10 percent", "percent", 10, "%", "less than"),
    ("The party won 27.5% of the vote.", "27.5%", "percent", 27.5, "%", None),
    ("Tariffs of up to 25% apply from June.", "25%", "percent", 25, "%", "up to"),
    ("Exports fell by more than 10 per cent.", "10 per cent", "percent", 10, "%", "more than"),
    ("Support stands at around 60 percent.", "60 percent", "percent", 60, "%", "around"),
    ("Defence spending must reach 3.5 percent of output.", "3.5 percent", "percent", 3.5, "%", None),
    ("Rates were raised by 50 basis points.", "50 basis points", "percent", 50, "bp", None),
    ("The share is less than 1 percent.", "1 percent", "percent", 1, "%", "less than"),
    ("Some 70% of Ukrainians back the plan.", "70%", "percent", 70, "%", "some"),
    # --- counts
    ("Putin sent at least 19 drones into Poland.", "19 drones", "count", 19, "drones", "at least"),
    ("It needs the approval of all 27 member states.", "27 member states", "count", 27, "member states", None),
    ("Military chiefs from about 30 Kyiv allies will meet.", "30 Kyiv allies", "count", 30, "allies", "about"),
    ("The army has suffered an estimated one million casualties.", "one million casualties", "count", 1e6, "casualties", "estimated"),
    ("The two countries will lead the talks.", "two countries", "count", 2, "countries", None),
    ("Engineers found twenty-five drones in the field.", "twenty-five drones", "count", 25, "drones", None),
    ("Police seized a dozen drones at the border.", "a dozen drones", "count", 12, "drones", None),
    ("The attacks killed dozens of civilians.", "dozens of civilians", "count", NULL, "civilians", None),
    ("Officials from 37 nations met in Paris.", "37 nations", "count", 37, "nations", None),
    ("He spoke with 25 other allied nations.", "25 other allied nations", "count", 25, "nations", None),
    ("All 27 EU leaders agreed to the plan.", "27 EU leaders", "count", 27, "leaders", None),
    ("With one predictable exception, they pledged more cash.", "one predictable exception", "count", 1, "exception", None),
    ("France and possibly one or two others will help.", "one or two others", "count", (1, 2), "others", None),
    ("Concretely, all six agreements mention EU missions.", "six agreements", "count", 6, "agreements", None),
    ("I authorised 4 RAF strikes on the Houthis.", "4 RAF strikes", "count", 4, "strikes", None),
    ("More than 20 countries have concluded agreements.", "20 countries", "count", 20, "countries", "more than"),
    ("Officials claim around 20 countries are ready.", "20 countries", "count", 20, "countries", "around"),
    ("Britain will send 10,000 troops to Estonia.", "10,000 troops", "count", 10_000, "troops", None),
    ("The war has displaced 1.5 million people.", "1.5 million people", "count", 1.5e6, "people", None),
    ("Some 5m people have fled the country.", "5m people", "count", 5e6, "people", "some"),
    ("Poland has taken in half a million refugees.", "half a million refugees", "count", 5e5, "refugees", None),
    ("Hundreds of soldiers crossed the river.", "Hundreds of soldiers", "count", NULL, "soldiers", None),
    ("Thousands of protesters gathered in Tbilisi.", "Thousands of protesters", "count", NULL, "protesters", None),
    ("Russia has massed tens of thousands of troops.", "tens of thousands of troops", "count", NULL, "troops", None),
    ("Two dozen journalists were detained.", "Two dozen journalists", "count", 24, "journalists", None),
    ("The deal freed one hundred and fifty prisoners.", "one hundred and fifty prisoners", "count", 150, "prisoners", None),
    ("Russia fired forty-two missiles overnight.", "forty-two missiles", "count", 42, "missiles", None),
    ("The navy operates three aircraft carriers.", "three aircraft carriers", "count", 3, "aircraft carriers", None),
    ("Norway ordered seven new fighter jets.", "seven new fighter jets", "count", 7, "fighter jets", None),
    ("Kyiv asked for 12 F-16 jets.", "12 F-16 jets", "count", 12, "jets", None),
    ("Five of the drones were heading to a NATO base.", "Five", "count", 5, "drones", None),
    ("Police arrested two of them on Friday.", "two", "count", 2, NULL, None),
    ("The two sides struck a trade agreement.", "two sides", "count", 2, "sides", None),
    ("Four sub-themes were discussed by the group.", "Four sub-themes", "count", 4, "sub-themes", None),
    ("The brigade has 3,000 soldiers.", "3,000 soldiers", "count", 3000, "soldiers", None),
    ("Nine of the 27 member states objected.", "27 member states", "count", 27, "member states", None),
    ("Some 40,000 troops took part in the drills.", "40,000 troops", "count", 40_000, "troops", "some"),
    ("Russia launched nearly 600 drones overnight.", "600 drones", "count", 600, "drones", "nearly"),
    ("The force could include up to 5,000 peacekeepers.", "5,000 peacekeepers", "count", 5000, "peacekeepers", "up to"),
    ("Fewer than 100 soldiers remain in the town.", "100 soldiers", "count", 100, "soldiers", "less than"),
    ("As many as 10,000 people may have died.", "10,000 people", "count", 10_000, "people", "up to"),
    ("The country took in a million refugees.", "a million refugees", "count", 1e6, "refugees", None),
    ("Two million Ukrainians have returned home.", "Two million Ukrainians", "count", 2e6, "Ukrainians", None),
    ("NATO now counts 32 members.", "32 members", "count", 32, "members", None),
    ("Seven people were killed in the strike.", "Seven people", "count", 7, "people", None),
    ("The blast killed 11 civilians, including two children.", "11 civilians", "count", 11, "civilians", None),
    ("The blast killed 11 civilians, including two children.", "two children", "count", 2, "children", None),
    ("More than 1,000 people were evacuated.", "1,000 people", "count", 1000, "people", "more than"),
    ("Ukraine wants 20-30 drones a day.", "20-30 drones", "count", (20, 30), "drones", None),
    ("The plan foresees between 2,000 and 3,000 troops.", "2,000 and 3,000 troops", "count", (2000, 3000), "troops", None),
    ("The unit lost 5 or 6 tanks in the battle.", "5 or 6 tanks", "count", (5, 6), "tanks", None),
    ("Two or three countries could join later.", "Two or three countries", "count", (2, 3), "countries", None),
    ("The coalition expects 10 to 15 countries.", "10 to 15 countries", "count", (10, 15), "countries", None),
    ("The army sent roughly 5,000 soldiers.", "5,000 soldiers", "count", 5000, "soldiers", "roughly"),
    ("Only 12 countries signed the declaration.", "12 countries", "count", 12, "countries", "only"),
    ("Almost 50,000 people signed the petition.", "50,000 people", "count", 50_000, "people", "almost"),
    ("The port can take at most 10 ships.", "10 ships", "count", 10, "ships", "at most"),
    ("No more than 20 troops may stay.", "20 troops", "count", 20, "troops", "at most"),
    ("No fewer than 5 ships were damaged.", "5 ships", "count", 5, "ships", "at least"),
    ("The drone swarm had upwards of 100 drones.", "100 drones", "count", 100, "drones", "more than"),
    ("Close to 30 countries sent delegations.", "30 countries", "count", 30, "countries", "nearly"),
    ("The fund supports 30 countries or more.", "30 countries", "count", 30, "countries", "at least"),
    ("Approximately 200 tanks were delivered.", "200 tanks", "count", 200, "tanks", "about"),
    ("The army lost circa 40 aircraft.", "40 aircraft", "count", 40, "aircraft", "about"),
    ("The treaty has four respects worth noting.", "four respects", "count", 4, "respects", None),
    ("The summit will be held on three levels.", "three levels", "count", 3, "levels", None),
    ("About 30 attended the briefing.", "30", "count", 30, NULL, "about"),
    ("One EU diplomat said the talks had stalled.", "One EU diplomat", "count", 1, "diplomat", None),
    ("Eight member countries abstained.", "Eight member countries", "count", 8, "member countries", None),
    ("The Ukraine contact group's 50 members met in Ramstein.", "50 members", "count", 50, "members", None),
    ("The strike hit 14 apartment blocks.", "14 apartment blocks", "count", 14, "apartment blocks", None),
    ("Russia has lost 3,000 tanks since the invasion.", "3,000 tanks", "count", 3000, "tanks", None),
    ("The EU has 24 official languages.", "24 official languages", "count", 24, "languages", None),
    ("The UK will buy 12 F-35A aircraft.", "12 F-35A aircraft", "count", 12, "aircraft", None),
    ("The mission will deploy 300 observers.", "300 observers", "count", 300, "observers", None),
    ("There are 450 million EU citizens.", "450 million EU citizens", "count", 450e6, "citizens", None),
    ("The agreement covers 10k workers.", "10k workers", "count", 10_000, "workers", None),
    ("The vote passed with 370 votes in favour.", "370 votes", "count", 370, "votes", None),
    # --- fractions, multiples and ratios
    ("Two-thirds of the budget goes to salaries.", "Two-thirds", "ratio", 2 / 3, NULL, None),
    ("Half the budget goes to procurement.", "Half", "ratio", 0.5, NULL, None),
    ("A third of the drones were shot down.", "A third", "ratio", 1 / 3, NULL, None),
    ("Three quarters of voters backed the deal.", "Three quarters", "ratio", 0.75, NULL, None),
    ("Russia fired twice as many drones as in May.", "twice", "ratio", 2, NULL, None),
    ("The new base is three times the size of the old one.", "three times", "ratio", 3, NULL, None),
    ("The report cites expenditure multipliers between 0.4 and 1.0 for defence.", "0.4 and 1.0", "ratio", (0.4, 1.0), NULL, None),
    ("The multiplier is estimated at 1.5.", "1.5", "ratio", 1.5, NULL, None),
    ("Output is now 10 times higher than in 2022.", "10 times", "ratio", 10, NULL, None),
    ("A quarter of the army is deployed abroad.", "A quarter", "ratio", 0.25, NULL, None),
    ("Nearly half of all members agreed.", "half", "ratio", 0.5, NULL, "nearly"),
    ("One-third of the funds remain unspent.", "One-third", "ratio", 1 / 3, NULL, None),
    # --- measures
    ("A Russian drone crashed some 100 kilometers southwest of Warsaw.", "100 kilometers", "measure", 100, "km", "some"),
    ("The pipeline runs for 5,000 km.", "5,000 km", "measure", 5000, "km", None),
    ("Each shell weighs 2 tonnes.", "2 tonnes", "measure", 2, "t", None),
    ("Trains run at 100 km/h on the line.", "100 km/h", "measure", 100, "km/h", None),
    ("The EU imported 40 bcm of gas.", "40 bcm", "measure", 40, "bcm", None),
    ("Warming must stay below 1.5°C, the panel said.", "1.5°C", "measure", 1.5, "°C", "less than"),
    ("Russia exports 3 million barrels per day.", "3 million barrels per day", "measure", 3e6, "bbl/d", None),
    ("The fire destroyed 500 hectares of forest.", "500 hectares", "measure", 500, "ha", None),
    ("The zone covers 20 square kilometres.", "20 square kilometres", "measure", 20, "km2", None),
    ("The wall is 100 m high.", "100 m", "measure", 100, "m", None),
    ("The convoy travelled 10 miles.", "10 miles", "measure", 10, "mi", None),
    ("The parcel weighs 5 kg.", "5 kg", "measure", 5, "kg", None),
    ("The plant will produce 1,000 megawatts.", "1,000 megawatts", "measure", 1000, "MW", None),
    ("Ships must stay 12 nautical miles from the coast.", "12 nautical miles", "measure", 12, "nmi", None),
    ("Finland shares a 1,340-kilometre border with Russia.", "1,340-kilometre", "measure", 1340, "km", None),
    ("The reactor produces 2 GW at full power.", "2 GW", "measure", 2, "GW", None),
    ("Missiles flew about 300 miles.", "300 miles", "measure", 300, "mi", "about"),
    ("The ship carried 60,000 tonnes of grain.", "60,000 tonnes", "measure", 60_000, "t", None),
    ("The front line stretches over 1,000 kilometres.", "1,000 kilometres", "measure", 1000, "km", "over"),
    ("Storage holds 8 million litres of fuel.", "8 million litres", "measure", 8e6, "L", None),
    # --- found while probing unseen news text
    ("Several hundred troops remain in the town.", "Several hundred troops", "count", NULL, "troops", None),
    ("A few thousand protesters gathered outside.", "A few thousand protesters", "count", NULL, "protesters", None),
    ("The repairs will cost several billion euros.", "several billion euros", "money", NULL, "EUR", None),
    ("Brent crude rose $1.20 to $78.40 a barrel.", "$1.20", "money", 1.2, "USD", None),
    ("Brent crude rose $1.20 to $78.40 a barrel.", "$78.40", "money", 78.4, "USD", None),
    ("The plan costs €2.5bn ($2.7bn) a year.", "$2.7bn", "money", 2.7e9, "USD", None),
    ("The Fed held rates at 5.25%-5.5%.", "5.25%-5.5%", "percent", (5.25, 5.5), "%", None),
    ("One in five adults still smoke.", "One in five", "ratio", 0.2, NULL, None),
    ("Three in four voters back the deal.", "Three in four", "ratio", 0.75, NULL, None),
    ("Half a dozen ministers resigned.", "Half a dozen ministers", "count", 6, "ministers", None),
    ("Storm Ciarán left 1.2m homes without power.", "1.2m homes", "count", 1.2e6, "homes", None),
    ("Israel freed about 1,900 Palestinian prisoners.", "1,900 Palestinian prisoners", "count", 1900, "prisoners", "about"),
    ("The 10-year yield rose 4 basis points to 4.3%.", "4 basis points", "percent", 4, "bp", None),
    ("The 10-year yield rose 4 basis points to 4.3%.", "4.3%", "percent", 4.3, "%", None),
    ("Covid killed nearly 7 million people worldwide.", "7 million people", "count", 7e6, "people", "nearly"),
    ("Sales of 1.8 million vehicles were 5 per cent lower.", "1.8 million vehicles", "count", 1.8e6, "vehicles", None),
    ("The tanks cost 2.5 million euros each.", "2.5 million euros", "money", 2.5e6, "EUR", None),
    ("The S&P 500 rose 1.1 percent on Friday.", "1.1 percent", "percent", 1.1, "%", None),
    ("The bonus is €2,500 per soldier.", "€2,500", "money", 2500, "EUR", None),
    ("Hamas released 33 hostages in the first phase.", "33 hostages", "count", 33, "hostages", None),
    ("Another 45 were wounded in the attack.", "45", "count", 45, NULL, None),
    ("The UN says 2.1 million Gazans face famine.", "2.1 million Gazans", "count", 2.1e6, "Gazans", None),
    ("Some 2,500 of the 5,000 troops are British.", "2,500", "count", 2500, "troops", "some"),
    ("Some 2,500 of the 5,000 troops are British.", "5,000 troops", "count", 5000, "troops", None),
    ("Polish rents average 500 zł a month.", "500 zł", "money", 500, "PLN", None),
    ("Ukraine holds a 1,000-km front line.", "1,000-km", "measure", 1000, "km", None),
    ("NATO's 32 allies met in The Hague.", "32 allies", "count", 32, "allies", None),
    ("Turnout was 62.1 percent and 1,234,567 votes were cast.", "1,234,567 votes", "count", 1_234_567, "votes", None),
    # --- unseen-news audit: a colon after the counted noun is punctuation, not a code
    ("The 5% target will be divided into two parts: 3.5% and 1.5%.", "two parts", "count", 2, "parts", None),
    ("This is a historic response in view of three factors: cost, time and will.", "three factors", "count", 3, "factors", None),
    # a preposition hung on a verb before counted things is no qualifier; an amount keeps it
    ("The budget is structured around four main pillars.", "four main pillars", "count", 4, "pillars", None),
    ("Eight drones were shot down over four Ukrainian regions.", "four Ukrainian regions", "count", 4, "regions", None),
    ("Military officials from over 34 countries convened.", "34 countries", "count", 34, "countries", "over"),
    ("Inflation must stay below 2% next year.", "2%", "percent", 2, "%", "less than"),
    # a signed change before a percent unit
    ("An increase of €367.2 billion (+29 %) was proposed.", "+29 %", "percent", 29, "%", None),
    ("Output fell -3% in the quarter.", "-3%", "percent", -3, "%", None),
    ("Exports rose +2.5pc on the year.", "+2.5pc", "percent", 2.5, "%", None),
    # "-fold" multipliers
    ("Defence spending would rise fivefold to €131 billion.", "fivefold", "ratio", 5, NULL, None),
    ("Debt grew 10-fold in a decade.", "10-fold", "ratio", 10, NULL, None),
    ("The budget saw a five-fold jump.", "five-fold", "ratio", 5, NULL, None),
    # "and a half" inside a spelled number
    ("Today the army has once again exceeded one and a half million.", "one and a half million", "count", 1.5e6, NULL, None),
    ("Moscow wants one and a half million soldiers.", "one and a half million soldiers", "count", 1.5e6, "soldiers", None),
    ("It cost two and a half times the budget.", "two and a half times", "ratio", 2.5, NULL, None),
    # a relative "which" is no anaphora: the number is an amount
    ("Strength is 2,391,770 personnel, of which 1,502,640 are servicemen.", "1,502,640", "count", 1_502_640, NULL, None),
    # "from <qualifier> X to Y" after a verb of change: two values, the qualifier kept
    ("The firm expanded its legal team from roughly ten to 200 since 2022.", "ten", "count", 10, NULL, "roughly"),
    ("The firm expanded its legal team from roughly ten to 200 since 2022.", "200", "count", 200, NULL, None),
    # casualty predicates are no counted nouns; nor is a participle heading its own clause
    ("A drone attack left two people dead and at least 17 hurt.", "17", "count", 17, NULL, "at least"),
    ("Nearly 150 drones were launched, with at least nine dead following strikes in multiple areas.", "nine", "count", 9, NULL, "at least"),
    ("Russia launched 4,630 Russian-made drones.", "4,630 Russian-made drones", "count", 4630, "drones", None),
    # a capitalised plural the tagger calls a name
    ("There is one plan for each of the 27 Member States.", "27 Member States", "count", 27, "Member States", None),
    ("All 32 Allies agreed to the new target.", "32 Allies", "count", 32, "Allies", None),
]

# (sentence, the fragment no quantity may overlap)
NEGATIVE = [
    ("NATO's mutual defence clause, known as Article 5, applies.", "5"),
    ("Allies should also be committed to Article 3, he said.", "3"),
    ("Dutch F-35 fighter jets intercepted the drones.", "F-35"),
    ("King Charles III invited Macron for a state visit.", "III"),
    ("Security partnerships are a pillar (see SWP Comment 3/2022).", "3/2022"),
    ("ISSN (Print) 1861-1761", "1861-1761"),
    ("Telephone +49 30 880 07-0", "30 880 07-0"),
    ("Fax +49 30 880 07-100", "880"),
    ("Ludwigkirchplatz 3–4\n10719 Berlin", "3–4"),
    ("Ludwigkirchplatz 3–4\n10719 Berlin", "10719"),
    ("This work is licensed under CC BY 4.0", "4.0"),
    ("In 2022, Russia launched its full-scale invasion.", "2022"),
    ("Relations have been blocked since 2004 due to the conflict.", "2004"),
    ("They met at the first EU-UK summit.", "first"),
    ("Trump threatens to make it the 51st state.", "51st"),
    ("Turkey has the second-largest armed forces in NATO.", "second"),
    ("The partnership could be one of those instruments.", "one"),
    ("It is sobering when they think no one is listening.", "one"),
    ("The G7 summit opens on Sunday.", "G7"),
    ("The analysis references Article 41(2) of the Treaty.", "41(2)"),
    ("Kyiv must support it (Art. 7 para. 2 SAFE Regulation).", "7 para. 2"),
    ("Procurement is largely excluded (see Art. 346 TFEU).", "346"),
    ("SAFE offers loans of up to 45 years.", "45"),
    ("The loans come with a 10-year grace period.", "10"),
    ("Zelenskyy committed to a 30-day unconditional ceasefire.", "30"),
    ("Leaders met over the past five weeks.", "five"),
    ("Macron spoke with Trump in the last 48 hours.", "48"),
    ("The U.K. left the EU five years ago.", "five"),
    ("In the next two weeks, officials will work up the details.", "two"),
    ("The article appeared two days before the drones crossed.", "two"),
    ("DOI: 10.18449/2025C29", "10.18449/2025C29"),
    ("India is a partner (see SWP Research Paper 17/2024).", "17/2024"),
    ("PREVENTING WORLD WAR 3", "3"),
    ("Schools should start from year seven or even younger.", "seven"),
    ("One thing seems clear enough: the EU will not be invited.", "One"),
    ("After a meeting between the two spiralled into a row, he left.", "two"),
    ("The EU has concluded partnerships with the latter two.", "two"),
    ("On the one hand, the country has a large army.", "one"),
    ("The London meeting on 2 March 2025 was decisive.", "2"),
    ("The pact will be sealed at a summit on May 19 in London.", "19"),
    ("The confidential report, dated April 30, was leaked.", "30"),
    ("First published on CagleCartoons.com, June 4, 2025.", "4"),
    ("Another summit will be held on March 20-21 in Brussels.", "20-21"),
    ("The briefing starts at 10:30 on Friday.", "10:30"),
    ("The call is scheduled for 9am on Friday.", "9am"),
    ("Starmer returned to No. 10 Downing Street.", "10"),
    ("The Covid-19 pandemic hit supply chains.", "Covid-19"),
    ("Defence budgets shrank in the 1990s.", "1990s"),
    ("1 min read", "1"),
    ("Russia still flies MiG-29 jets.", "MiG-29"),
    ("The airline bought Boeing 737 aircraft.", "737"),
    ("Many users are still on Windows 11 machines.", "11"),
    ("Tehran violated Resolution 2231, diplomats said.", "2231"),
    ("They drove down Route 66 to the border.", "66"),
    ("The bill passed by a vote of 52-48.", "52-48"),
    ("The talks took place in room 101.", "101"),
    ("The data are on page 12 of the report.", "12"),
    ("Phase 2 of the plan starts next year.", "2"),
    ("Russian Su-27 jets shadowed the plane.", "Su-27"),
    ("Paragraph 4 sets out the conditions.", "4"),
    ("Call +44 20 7946 0958 for details.", "20 7946 0958"),
    ("ISBN 978-3-16-148410-0", "978-3-16-148410-0"),
    ("The Apollo 11 mission landed in 1969.", "11"),
    ("The Minsk 2 agreement collapsed.", "2"),
    ("John Smith, 45, said the talks had failed.", "45"),
    ("1. Introduction", "1"),
    ("(2) the member states shall cooperate.", "2"),
    ("The 2024 elections changed the parliament.", "2024"),
    ("The bloc agreed a 27-member position.", "27"),
    ("A 5,000-strong force will deploy.", "5,000"),
    ("As the war drags toward its fourth year, Russia presses on.", "fourth"),
    ("A second EU diplomat agreed.", "second"),
    ("The leaders met three times last year.", "three"),
    ("America would one day return to its role.", "one"),
    ("The formats have now been carried out twice following the meetings.", "twice"),
    ("At one point the talks nearly collapsed.", "one"),
    ("The allies must support one another.", "one"),
    ("The Group of Seven met in Canada.", "Seven"),
    ("The EU is tooling up to prevent a third.", "third"),
    ("Germany, France and Italy form the Big Three.", "Three"),
    ("He watched the Formula 1 race in Monaco.", "1"),
    ("B-52 bombers flew over the Baltic.", "B-52"),
    ("The 9/11 attacks changed NATO.", "9/11"),
    ("The meeting ends at 5pm.", "5pm"),
    ("The EU27 agreed on Thursday.", "EU27"),
    ("The E3 group met in Geneva.", "E3"),
    ("The plan was published in mid-2025.", "2025"),
    ("Exercises begin on Friday, 12 September.", "12"),
    ("Sunday, February 01, 2026", "01"),
    ("The strike happened in the early hours of 24 February 2022.", "24"),
    ("Everyone in the room had something to say.", "one"),
    ("Someone must pay, the official said.", "Someone"),
    ("The A400M transport plane landed in Kyiv.", "A400M"),
    ("It will take several years to rebuild the army.", "several"),
    ("The operation lasted 72 hours.", "72"),
    ("The decades-old treaty was scrapped 30 years after signing.", "30"),
    ("The S&P 500 rose 1.1 percent on Friday.", "500"),
    ("The FTSE 100 fell on Monday.", "100"),
    ("Putin, 72, met Xi, 71, in Moscow.", "72"),
    ("Apple's iPhone 15 went on sale.", "15"),
    ("Russia's 2nd Guards Army attacked.", "2nd"),
    ("The A1 and Junction 10 were closed.", "10"),
    ("It happened in 2020 in 5 cities.", "2020"),
    ("Zelensky signed decree No. 123/2025.", "123/2025"),
    ("The victims were aged 45.", "45"),
    ("It was his 100th day in office.", "100th"),
    ("The M1 motorway was closed.", "M1"),
    ("Version 2.0 of the app is out.", "2.0"),
    ("He lives at 10 Downing Street.", "10"),
    ("Call 020 7946 0958 for details.", "020 7946 0958"),
    ("The law, Regulation (EU) 2023/1525, entered into force.", "2023/1525"),
    ("The vote was held under Rule 13 of the procedure.", "13"),
    ("A 45-year-old man was arrested.", "45"),
    ("Tomorrow Gate 3 is shut.", "3"),
    ("The 27-nation bloc met on Jan. 6 in Brussels.", "27"),
    ("The 27-nation bloc met on Jan. 6 in Brussels.", "6"),
    ("World War II ended in 1945.", "1945"),
    ("He is in his 70s.", "70s"),
    ("The U.S. 1st Armored Division deployed.", "1st"),
    ("The military said at 0900 GMT that drones attacked.", "0900"),
    # unseen-news audit: "and a half" after a noun belongs to that unit (a duration here)
    ("Kyiv has held out after a year and a half of war.", "a half"),
    ("Rebuilding took two and a half years.", "two and a half years"),
    ("Vaccination rules under COVID-19 guidance changed.", "19"),
    ("Call +49 30 880 for details.", "+49"),
    ("Manifold pressure rose in the engine.", "Manifold"),
]


def _run(nlp, ex: QuantityExtractor, text: str, *, start: int = 0, date_spans=()) -> list[dict]:
    article = Article(doc_id="d1", source="s.txt", start=start, end=start + len(text), text=text)
    return ex(nlp(view(text)), article, date_spans=date_spans)


def news_table(name: str, tag: str, *, fields: int = 6) -> tuple[list[list[str]], list, list[list[str]]]:
    """(rows, dev params, held-out rows) of a fresh-pages table ``tests/quantities_news/<name>`` (rounds 69-73): its rows
    ``<tag>_dev`` as test params of their first ``fields`` columns (a strict xfail where a reason follows), its rows
    ``<tag>_held`` as they are, scored only as a count."""
    table = Path(__file__).resolve().parent / "quantities_news" / name
    rows = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    dev = [pytest.param(*row[:fields], id=f"{i:02d}-{row[1][:20]}",
                        marks=[pytest.mark.xfail(reason=row[7], strict=True)] if len(row) > 7 else [])
           for i, row in enumerate(r for r in rows if r[6] == f"{tag}_dev")]
    return rows, dev, [row for row in rows if row[6] == f"{tag}_held"]


def reads_right(nlp, ex: QuantityExtractor, sentence: str, text: str, kind: str, value: str, unit: str) -> bool:
    """True when ``sentence`` gives one row of ``text`` of that kind, unit (empty for none) and value ("low..high" for a
    range), the check of a fresh-pages table's row (rounds 69-73)."""
    hits = [r for r in _run(nlp, ex, sentence) if r["text"] == text]
    if len(hits) != 1 or (hits[0]["kind"], hits[0]["unit"] or "") != (kind, unit):
        return False
    row = hits[0]
    if ".." in value:
        low, high = (float(v) for v in value.split(".."))
        return (row["value"] is None and row["value_low"] is not None
                and math.isclose(row["value_low"], low) and math.isclose(row["value_high"], high))
    return row["value"] is not None and math.isclose(row["value"], float(value), rel_tol=1e-6)


def assert_one_money_row(nlp, ex: QuantityExtractor, text: str, span: str, value: float, unit: str, rule: str) -> None:
    """``text`` gives exactly one row of ``span``: money in ``unit`` of ``value``, read by ``rule`` (rounds 67-69's tables)."""
    rows = [r for r in _run(nlp, ex, text) if r["text"] == span]
    assert len(rows) == 1, [r["text"] for r in _run(nlp, ex, text)]
    row = rows[0]
    assert text[row["start"]:row["end"]] == span
    assert (row["kind"], row["unit"], row["unit_rule"]) == ("money", unit, rule)
    assert math.isclose(row["value"], value, rel_tol=1e-9)


def assert_undecided_marker(nlp, ex: QuantityExtractor, text: str, span: str) -> None:
    """``span`` of ``text`` gives no row and one ``E411`` warning naming it and its offsets (rounds 68 and 69's tables)."""
    at = text.index(span)
    article = Article(doc_id="d1", source="s.txt", start=0, end=len(text), text=text)
    rows, errors = ex.extract(nlp(view(text)), article)
    assert [r["text"] for r in rows if r["start"] < at + len(span) and at < r["end"]] == []
    assert [(e["code"], e["severity"]) for e in errors] == [("E411", "warning")]
    assert f"'{span}' at {at}-{at + len(span)}" in errors[0]["message"]


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6)


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "unit", "approx"), POSITIVE,
                         ids=[f"{i:03d}-{c[1][:24]}" for i, c in enumerate(POSITIVE)])
def test_finds_and_reads(quantity_nlp, extractor, sentence, text, kind, value, unit, approx):
    rows = _run(quantity_nlp, extractor, sentence)
    hits = [r for r in rows if r["text"] == text]
    assert len(hits) == 1, [r["text"] for r in rows]
    row = hits[0]
    assert row["kind"] == kind
    if isinstance(value, tuple):
        assert row["value"] is None
        assert _same(row["value_low"], value[0]) and _same(row["value_high"], value[1])
    else:
        assert _same(row["value"], value)
        assert _same(row["value_low"], value) and _same(row["value_high"], value)
    assert row["unit"] == unit
    assert row["approx"] == approx


@pytest.mark.parametrize(("sentence", "fragment"), NEGATIVE,
                         ids=[f"{i:03d}-{c[1][:16]}" for i, c in enumerate(NEGATIVE)])
def test_leaves_alone(quantity_nlp, extractor, sentence, fragment):
    rows = _run(quantity_nlp, extractor, sentence)
    at = sentence.index(fragment)
    overlapping = [r["text"] for r in rows if r["start"] < at + len(fragment) and at < r["end"]]
    assert overlapping == []


def test_table_sizes():
    assert len(POSITIVE) >= 200
    assert len(NEGATIVE) >= 60


@pytest.mark.parametrize(("sentence", "text", "rule", "unit"), [
    ("It costs €150bn.", "€150bn", "symbol", "EUR"),
    ("It costs EUR 5m.", "EUR 5m", "iso_code", "EUR"),
    ("It costs 5 million euros.", "5 million euros", "currency_word", "EUR"),
    ("It costs $5m.", "$5m", "dollar_default_usd", "USD"),
    ("It costs 5 million dollars.", "5 million dollars", "dollar_default_usd", "USD"),
    ("It costs 99 cents.", "99 cents", "dollar_default_usd", "USD"),
    # wire style: the Canadian amount is marked, so the bare "$" is the US dollar
    ("Ottawa paid C$2bn and Washington another $1bn.", "$1bn", "dollar_default_usd", "USD"),
    # Canadian Press style: US amounts are marked, so the bare "$" is the article's other dollar
    ("Ottawa will spend $5bn (US$3.7bn) after C$2bn last year.", "$5bn", "dollar_context:CAD", "CAD"),
    ("Canberra pledged $2m (US$1.3m), on top of 3 million Australian dollars.", "$2m", "dollar_context:AUD", "AUD"),
    ("Ottawa paid C$2bn, Canberra A$3bn and Washington $1bn (US$1bn).", "$1bn", "dollar_default_usd", "USD"),
    ("Growth hit 5%.", "5%", "percent", "%"),
    ("It killed 19 civilians.", "19 civilians", "counted_noun", "civilians"),
    ("It flew 100 km.", "100 km", "measure_unit", "km"),
    ("Spending on drones doubled (to $2bn) last year.", "$2bn", "dollar_default_usd", "USD"),
    ("Oil traded at $80/bbl on Monday.", "$80", "dollar_default_usd", "USD"),
])
def test_unit_rule_names_the_deciding_rule(quantity_nlp, extractor, sentence, text, rule, unit):
    rows = [r for r in _run(quantity_nlp, extractor, sentence) if r["text"] == text]
    assert [(r["unit_rule"], r["unit"]) for r in rows] == [(rule, unit)]


def test_rows_have_the_schema_columns_in_text_order(quantity_nlp, extractor):
    text = "Some 30 allies pledged €5bn, 65% of it by 2027, to 19 drones and 100 km of road."
    rows = _run(quantity_nlp, extractor, text, start=1000)
    assert [r["text"] for r in rows] == ["30 allies", "€5bn", "65%", "19 drones", "100 km"]
    for row in rows:
        assert tuple(row) == COLUMNS
        assert text[row["start"] - 1000:row["end"] - 1000] == row["text"]
        assert row["quantity_id"].startswith("q_") and row["doc_id"] == "d1" and row["source"] == "s.txt"
    assert len({r["quantity_id"] for r in rows}) == len(rows)
    assert rows == _run(quantity_nlp, extractor, text, start=1000)  # same input, same IDs


def test_date_spans_silence_numbers_inside_them(quantity_nlp, extractor):
    text = "The fund of €5bn will run until 2030 and 40 drones."
    at = text.index("40 drones")
    assert [r["text"] for r in _run(quantity_nlp, extractor, text, start=7)] == ["€5bn", "40 drones"]
    silenced = _run(quantity_nlp, extractor, text, start=7, date_spans=[(7 + at, 7 + at + 2)])
    assert [r["text"] for r in silenced] == ["€5bn"]


def test_line_breaks_stay_in_text_not_in_unit(quantity_nlp, extractor):
    text = "It needs all 27 member\nstates and possibly one or\ntwo others."
    rows = _run(quantity_nlp, extractor, text)
    assert [(r["text"], r["unit"]) for r in rows] == [
        ("27 member\nstates", "member states"), ("one or\ntwo others", "others")]


def test_doc_and_article_must_match(quantity_nlp, extractor):
    article = Article(doc_id="d", source="s", start=0, end=3, text="abc")
    with pytest.raises(ValueError, match=r"\[E402\]"):
        extractor(quantity_nlp("abcd"), article)


def test_lexicon_errors_name_the_missing_key():
    with pytest.raises(LexiconError, match=r"\[E401\].*currency"):
        compile_lexicon({})


# --- the small parsers


@pytest.fixture(scope="module")
def lex(extractor):
    return extractor.lex


@pytest.mark.parametrize(("token", "low", "high", "currency", "unit"), [
    ("150", 150, 150, None, None),
    ("1,500.5", 1500.5, 1500.5, None, None),
    ("150bn", 150e9, 150e9, None, None),
    ("5BN", 5e9, 5e9, None, None),
    ("1.5trn", 1.5e12, 1.5e12, None, None),
    ("10k", 1e4, 1e4, None, None),
    ("2-3", 2, 3, None, None),
    ("2–3%", 2, 3, None, "%"),
    ("1-2bn", 1e9, 2e9, None, None),
    ("5bn-$10bn", 5e9, 10e9, "$", None),
    ("$5bn-$10bn", 5e9, 10e9, "$", None),
    ("NZ$4", 4, 4, "NZD", None),
    ("USD5bn", 5e9, 5e9, "USD", None),
    ("50p", 0.5, 0.5, "GBP", None),
    ("65pc", 65, 65, None, "%"),
    ("65%", 65, 65, None, "%"),
    ("0.4", 0.4, 0.4, None, None),
    ("50,000-100,000", 50_000, 100_000, None, None),
])
def test_parse_number_token_reads_amounts(lex, token, low, high, currency, unit):
    parsed = parse_number_token(token, lex)
    assert parsed is not None
    assert (_same(parsed.low, low), _same(parsed.high, high)) == (True, True)
    assert (parsed.currency, parsed.unit) == (currency, unit)


@pytest.mark.parametrize("token", [
    "51st", "4GD", "3/2022", "+49", "07", "9.30am", "10:30", "F-35", "2025C29", "1990s", "41(2",
    "10.18449/2025C29", "3-1-2", "5-3", "1,50", "G7", "3x",
])
def test_parse_number_token_rejects_codes(lex, token):
    assert parse_number_token(token, lex) is None


@pytest.mark.parametrize(("words", "value", "size"), [
    ("twenty - five drones", 25, 3),
    ("twenty five", 25, 2),
    ("one hundred and fifty people", 150, 4),
    ("two hundred", 200, 2),
    ("a dozen drones", 12, 2),
    ("two dozen", 24, 2),
    ("half a dozen", 6, 3),
    ("half a million", 0.5, 2),
    ("a billion euros", 1, 1),
    ("seven", 7, 1),
    ("ninety - nine", 99, 3),
    ("one and a half", 1.5, 4),
    ("two and a quarter million", 2.25, 4),
    ("one and a third", 1, 1),
])
def test_parse_number_words_reads_spelled_numbers(lex, words, value, size):
    assert parse_number_words(words.split(), lex) == (value, size)


@pytest.mark.parametrize("words", ["a drone", "hundred", "dozen", "the two", "first", "a third of", "many"])
def test_parse_number_words_rejects_non_numbers(lex, words):
    assert parse_number_words(words.split(), lex) is None


def test_normalise_space_folds_line_breaks():
    assert normalise_space("member\n states\t") == "member states"


# --- invariants on arbitrary text

_PIECES = st.sampled_from([
    "€", "£", "$", "US$", "C$", "5", "150bn", "1-2bn", "2–3%", "50,000", "0.4", "to", "and", "between",
    "or", "-", "%", "per", "cent", "percent", "billion", "million", "euros", "dollars", "drones", "member",
    "states", "of", "the", "one", "two", "twenty", "-five", "a", "dozen", "dozens", "half", "twice", "times",
    "as", "at", "least", "some", "about", "Article", "F-35", "2025", "years", "km", "(", ")", "/", "\n",
    "May", "19", "+49", "07", "III", "first", "thirds", "of the", "EUR", "USD", "pence", "50p", "m", "bn",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=25),
       seps=st.lists(st.sampled_from([" ", "", "\n", "  ", "\t"]), min_size=25, max_size=25),
       offset=st.integers(min_value=0, max_value=50))
def test_any_text_gives_well_formed_rows(quantity_nlp, extractor, pieces, seps, offset):
    text = "".join(p + s for p, s in zip(pieces, seps))
    rows = _run(quantity_nlp, extractor, text, start=offset)
    previous = -1
    for row in rows:
        assert tuple(row) == COLUMNS
        assert text[row["start"] - offset:row["end"] - offset] == row["text"] and row["text"]
        assert row["start"] >= previous
        previous = row["start"]
        assert row["kind"] in ("money", "percent", "count", "measure", "ratio")
        if row["value"] is not None:
            assert row["value_low"] == row["value"] == row["value_high"]
        elif row["value_low"] is not None:
            assert row["value_low"] <= row["value_high"]


# --- families of newsroom forms (each with the look-alikes that must stay apart)
# (sentence, expected text, kind, value | (low, high) | NULL, unit, approx)
FAMILIES = [
    # signed numbers: the sign is part of the text and of the value
    ("Global temperatures were +1.47°C above the pre-industrial average.", "+1.47°C", "measure", 1.47, "°C", None),
    ("GDP grew +0.3% in the quarter.", "+0.3%", "percent", 0.3, "%", None),
    ("Output fell -1.3% year on year.", "-1.3%", "percent", -1.3, "%", None),
    ("Output fell −2.1% year on year.", "−2.1%", "percent", -2.1, "%", None),
    ("Surface temperatures drop to minus 233 Celsius at night.", "minus 233 Celsius", "measure", -233, "°C", None),
    ("Bonds were minus 0.4% on the week.", "minus 0.4%", "percent", -0.4, "%", None),
    ("It was -5°C in Moscow.", "-5°C", "measure", -5, "°C", None),
    ("Temperatures hit -10 °C overnight.", "-10 °C", "measure", -10, "°C", None),
    ("Sales were down 2.1% on the year.", "2.1%", "percent", 2.1, "%", None),
    # look-alikes of a sign: a list bullet, "+/-"
    ("- 5 new jets were ordered.", "5 new jets", "count", 5, "jets", None),
    ("- 5% of staff left.", "5%", "percent", 5, "%", None),
    ("Polls have a margin of error of +/- 3%.", "3%", "percent", 3, "%", None),
    # hyphenated and glued scales and units
    ("The country will spend $72-billion on roads.", "$72-billion", "money", 72e9, "USD", None),
    ("Ottawa set aside €3.5-billion for housing.", "€3.5-billion", "money", 3.5e9, "EUR", None),
    ("He paid $20-million for the house.", "$20-million", "money", 20e6, "USD", None),
    ("The crash involved a 10-tonne truck.", "10-tonne", "measure", 10, "t", None),
    ("The phone has a 6.1-inch screen.", "6.1-inch", "measure", 6.1, "in", None),
    ("The engine makes 185-hp.", "185-hp", "measure", 185, "hp", None),
    ("The car produces 640bhp.", "640bhp", "measure", 640, "bhp", None),
    ("The charger delivers 5kW.", "5kW", "measure", 5, "kW", None),
    ("The screen refreshes at 120Hz.", "120Hz", "measure", 120, "Hz", None),
    ("Wi-Fi runs at 2.4GHz.", "2.4GHz", "measure", 2.4, "GHz", None),
    ("Take 500mg of the drug.", "500mg", "measure", 500, "mg", None),
    ("Mix 2 mg of salt.", "2 mg", "measure", 2, "mg", None),
    ("The TV draws 150W at full brightness.", "150W", "measure", 150, "W", None),
    ("Demand fell by -5kW overnight.", "-5kW", "measure", -5, "kW", None),
    ("The Porsche has a 4.0-litre engine making 493bhp.", "4.0-litre", "measure", 4.0, "L", None),
    # bare scaled amounts: a count with no unit, like "one and a half million"
    ("Mobilize 1.3 trillion annually.", "1.3 trillion", "count", 1.3e12, NULL, None),
    ("Nations must mobilize 1.3 trillion annually.", "1.3 trillion", "count", 1.3e12, NULL, None),
    ("The startup raised 4.5 million in its first round.", "4.5 million", "count", 4.5e6, NULL, None),
    ("The company is worth 250 billion.", "250 billion", "count", 250e9, NULL, None),
]

# Scores and tallies ("a 9-3 vote", "6-4 6-4") are read only on a result noun or verb (SCORES
# below); "a vote of 52-48" above, with the noun before it, is not.
FAMILIES_NEGATIVE = [
    ("Call +49 30 1234 for details.", "+49 30 1234"),
    ("Call +49 30 1234567 or +44 20 7946 0958.", "+44 20 7946 0958"),
    ("Polls have a margin of error of +/- 3%.", "+/-"),
    ("The margin was +/-2.5 points.", "+/-2.5"),
    ("The meeting ends at 9am.", "9am"),
    ("The A400M flew at Mach 2.", "A400M"),
    ("A 5-million-strong army is planned.", "5-million"),
]


# A score or tally is one count with unit "score" and no value (two sides, neither a point nor a range),
# read on a result noun after it or a result verb before it (configs/quantities.toml [scores]).
SCORES = [
    ("Britain won the match after a 3-1 win.", "3-1"),
    ("The match ended 1-1 after extra time.", "1-1"),
    ("The council approved it in a 9-3 vote.", "9-3"),
    ("Milan beat Inter 5-0 at the weekend.", "5-0"),
    ("The Chiefs won 29–13.", "29–13"),
    ("They won the final 3–2 on penalties.", "3–2"),
    ("The Senate voted 51-49 to confirm.", "51-49"),
]


@pytest.mark.parametrize(("sentence", "fragment"), SCORES, ids=[c[1] for c in SCORES])
def test_scores_are_counts_without_a_value(quantity_nlp, extractor, sentence, fragment):
    rows = [r for r in _run(quantity_nlp, extractor, sentence) if fragment in r["text"]]
    assert [(r["kind"], r["unit"], r["value"], r["value_low"], r["value_high"]) for r in rows] == [
        ("count", "score", None, None, None)], rows


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "unit", "approx"), FAMILIES,
                         ids=[f"fam{i:03d}-{c[1][:24]}" for i, c in enumerate(FAMILIES)])
def test_families_find_and_read(quantity_nlp, extractor, sentence, text, kind, value, unit, approx):
    test_finds_and_reads(quantity_nlp, extractor, sentence, text, kind, value, unit, approx)


@pytest.mark.parametrize(("sentence", "fragment"), FAMILIES_NEGATIVE,
                         ids=[f"fam{i:03d}-{c[1][:16]}" for i, c in enumerate(FAMILIES_NEGATIVE)])
def test_families_leave_look_alikes_alone(quantity_nlp, extractor, sentence, fragment):
    test_leaves_alone(quantity_nlp, extractor, sentence, fragment)


@pytest.mark.parametrize("sentence", ["- 5 new jets were ordered.", "Polls have a margin of error of +/- 3%.",
                                      "Call +49 30 1234 for details.", "-5 new jets were ordered."])
def test_no_sign_without_a_signed_unit(quantity_nlp, extractor, sentence):
    """A bullet, "+/-" or a dialling code never makes a negative or "+"-led quantity."""
    rows = _run(quantity_nlp, extractor, sentence)
    assert all(r["value_low"] is None or r["value_low"] >= 0 for r in rows), rows
    assert not any(r["text"][:1] in "+-−/" for r in rows), rows


@pytest.mark.parametrize(("token", "value", "unit"), [("5kW", 5, "kW"), ("2.4GHz", 2.4, "GHz"), ("640bhp", 640, "bhp"),
                                                     ("1,200MW", 1200, "MW")])
def test_glued_unit_tokens(lex, token, value, unit):
    m = lex.glued_unit_re.match(token)
    assert m and float(m.group("n").replace(",", "")) == value and lex.glued_units[m.group("u")] == unit


@pytest.mark.parametrize("token", ["9am", "5G", "4K", "5m", "150bn", "3D", "2nd"])
def test_glued_unit_tokens_reject_look_alikes(lex, token):
    assert lex.glued_unit_re.match(token) is None


# --- unseen-news families (round "quant3"): shares of a point, hyphenated percent units, currency names
# before the number, imperial units, superlative counts; each real phrasing with look-alikes kept apart
# (sentence, expected text, kind, value, unit, approx)
UNSEEN = [
    ("The Fed cut rates by a quarter point to between 3.75% and 4%.", "a quarter point", "count", 0.25, "points", None),
    ("The Fed cut rates by a quarter point to between 3.75% and 4%.", "3.75% and 4%", "percent", (3.75, 4), "%", None),
    ("The Fed delivered a quarter-point cut in December.", "a quarter-point", "count", 0.25, "points", None),
    ("Miran favoured a half-point reduction.", "a half-point", "count", 0.5, "points", None),
    ("The bank raised rates by half a point.", "half a point", "count", 0.5, "points", None),
    ("The central bank cut rates by a point.", "a point", "count", 1, "points", None),
    ("Rates rose a quarter point in March.", "a quarter point", "count", 0.25, "points", None),
    ("The bank announced a 25-basis-point cut.", "25-basis-point", "percent", 25, "bp", None),
    ("The bank announced a 0.25-percentage-point cut.", "0.25-percentage-point", "percent", 0.25, "pp", None),
    ("Traders priced in 95-percent odds of a cut.", "95-percent", "percent", 95, "%", None),
    ("Exports reached yen 1.2tn last year.", "yen 1.2tn", "money", 1.2e12, "JPY", None),
    ("The order is worth Rs 27,415 crore.", "Rs 27,415 crore", "money", 274.15e9, "INR", None),
    ("The state needs an additional R$27.1 billion.", "R$27.1 billion", "money", 27.1e9, "BRL", None),
    ("Profit rose from SEK 9.4bn a year earlier.", "SEK 9.4bn", "money", 9.4e9, "SEK", None),
    ("Net profit was CHF 142.7 million.", "CHF 142.7 million", "money", 142.7e6, "CHF", None),
    ("Orlen will spend zł 5bn on the plant.", "zł 5bn", "money", 5e9, "PLN", None),
    ("TSMC will invest NT$100bn in the fab.", "NT$100bn", "money", 100e9, "TWD", None),
    ("The airport raised HK$5bn.", "HK$5bn", "money", 5e9, "HKD", None),
    ("The EU agreed €1.2trn.", "€1.2trn", "money", 1.2e12, "EUR", None),
    ("Kenya will borrow KSh 500bn next year.", "KSh 500bn", "money", 500e9, "KES", None),
    ("Dubai invested Dh5bn in the port.", "Dh5bn", "money", 5e9, "AED", None),
    ("Bangladesh approved Tk 500 crore for the bridge.", "Tk 500 crore", "money", 5e9, "BDT", None),
    ("Turkey set aside TL 5bn for the quake zone.", "TL 5bn", "money", 5e9, "TRY", None),
    ("Egypt raised E£50bn from the sale.", "E£50bn", "money", 50e9, "EGP", None),
    ("Temperatures hit 40C in Seville.", "40C", "measure", 40, "°C", None),
    ("Limit warming to 1.5C.", "1.5C", "measure", 1.5, "°C", None),
    ("The flat has 500 sq ft of space.", "500 sq ft", "measure", 500, "ft2", None),
    ("The storm can bring surges that exceed 18ft.", "18ft", "measure", 18, "ft", None),
    ("Officials warned of up to 400mm (15.7in) of rain.", "15.7in", "measure", 15.7, "in", None),
    ("Storm surges can exceed 18ft (5m) on the coast.", "5m", "measure", 5, "m", None),
    ("The tower rose 100 feet (30.5m) above the plain.", "30.5m", "measure", 30.5, "m", None),
    ("The tower is 300 feet tall.", "300 feet", "measure", 300, "ft", None),
    ("Capacity surpassed 1.6 terawatts last year.", "1.6 terawatts", "measure", 1.6, "TW", None),
    ("The plant has 3.5GW of capacity.", "3.5GW", "measure", 3.5, "GW", None),
    ("Demand will rise by 0.1 mb/d in 2025.", "0.1 mb/d", "measure", 1e5, "bbl/d", None),
    ("Liquids output averaged 8.6 mb/d.", "8.6 mb/d", "measure", 8.6e6, "bbl/d", None),
    ("Brent increased by 32¢ in September.", "32¢", "money", 0.32, "USD", None),
    ("Winds reached 10mph.", "10mph", "measure", 10, "mph", None),
    ("The past 11 years have also been the 11 warmest ever observed.", "11", "count", 11, None, None),
    ("More than half of voters agreed.", "half", "ratio", 0.5, None, "more than"),
    ("- Finance at scale: Mobilize 1.3 trillion annually by 2035.", "1.3 trillion", "count", 1.3e12, None, None),
    ("Hundreds of millions of people were affected.", "Hundreds of millions of people", "count", NULL, "people", None),
    # round qd1 (claims judged dev halves, fresh news): a percentage glued to a dash, a count before a
    # title-case noun phrase, a qualified share with its whole unsaid, a partitive past a possessive
    ("Core CPI climbed to 2.7%—its highest in three years.", "2.7%", "percent", 2.7, "%", None),
    ("It signed for procurement of 97 Light Combat Aircraft (LCA) Mk1A.", "97 Light Combat Aircraft", "count", 97,
     "Aircraft", None),
    ("In 2024, 20.6 million children missed their first dose, more than half in Africa.", "half", "ratio", 0.5, None,
     "more than"),
    ("Almost half, she said, are in just 16 countries.", "half", "ratio", 0.5, None, "almost"),
    ("The deal averts a tariff war between two of the world's largest economies.", "two", "count", 2, "economies",
     None),
    ("A quarter of voters agreed with the plan.", "A quarter", "ratio", 0.25, None, None),
    ("Half of the budget went to defence.", "Half", "ratio", 0.5, None, None),
    # claims round 26: a dash glued after a scale word or a unit's last word ("--" set off an aside; dev5 349_,
    # as "2.7%—its" above glues one to a sign)
    ("Of which ₹1.8 trillion-- accounting for over 26 per cent-- was earmarked.", "₹1.8 trillion", "money", 1.8e12,
     "INR", None),
    ("Of which ₹1.8 trillion-- accounting for over 26 per cent-- was earmarked.", "26 per cent", "percent", 26,
     "%", "over"),
    ("Exports rose 5 percent—the fastest pace in a year.", "5 percent", "percent", 5, "%", None),
    ("The firm raised $3 billion—its largest bond sale.", "$3 billion", "money", 3e9, "USD", None),
    ("The squad has 26 players-- a record.", "26 players", "count", 26, "players", None),
]

UNSEEN_NEGATIVE = [
    ("At a point in the talks, he left.", "a point"),
    ("He made a point about costs.", "a point"),
    ("The team dropped a point at home.", "a point"),
    ("The yen rose 2% against the dollar.", "yen"),
    ("He lives in flat 5C.", "5C"),
    ("FTSE 100 ends 2025 close to another record high", "100"),
    ("The army has 300 tanks (5m) in reserve.", "5m"),
    ("The 5C cable was cut.", "5C"),
    ("Covid-19 cases rose.", "19"),
    ("The G7 met in Italy.", "G7"),
    ("Poland bought F-35 jets.", "F-35"),
    ("Airbus delivered an A320 jet.", "A320"),
    ("In the 1990s prices rose.", "1990s"),
    ("The service runs 24/7.", "24/7"),
    ("He spoke at No 10 on Monday.", "10"),
    ("Formula 1 returned to Las Vegas.", "1"),
    ("He bought a 10-year bond.", "10-year"),
    ("The 27 agreed on the text.", "27"),
    # round qd1: a piece of a sequence, an index's name, an age, a duration and a clock time
    ("Investment rose 1.4%, marking the fourth consecutive quarter of growth.", "quarter"),
    ("In the second half of the period under investigation, it was 36 per cent higher.", "half"),
    ("The Ftse (Financial Times Stock Exchange) 100 stock market index closed above 10,000 points.", "100"),
    ("The Kenyan, who turns 41 on Wednesday, finished 17th.", "41"),
    ("The dispute has lasted more than a quarter century.", "a quarter"),
    ("We met at about half past nine.", "half"),
    ("He spoke outside 10 Downing Street.", "10"),
    # claims round 26: a dash glued after a word that is no unit adds nothing to the number before it
    ("The ₹1.8 trillion budget-- a record -- was approved.", "budget--"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value", "unit", "approx"), UNSEEN,
                         ids=[f"new{i:03d}-{c[1][:24]}" for i, c in enumerate(UNSEEN)])
def test_unseen_news_forms(quantity_nlp, extractor, sentence, text, kind, value, unit, approx):
    test_finds_and_reads(quantity_nlp, extractor, sentence, text, kind, value, unit, approx)


@pytest.mark.parametrize(("sentence", "fragment"), UNSEEN_NEGATIVE,
                         ids=[f"new{i:03d}-{c[1][:16]}" for i, c in enumerate(UNSEEN_NEGATIVE)])
def test_unseen_news_look_alikes(quantity_nlp, extractor, sentence, fragment):
    test_leaves_alone(quantity_nlp, extractor, sentence, fragment)


@pytest.mark.parametrize(("sentence", "fragment"), [("The measure passed 11-1.", "11-1"),
                                                     ("The court ruled 6-3 in favour.", "6-3"),
                                                     ("They won 4-3.", "4-3")])
def test_tallies_after_a_verdict_verb(quantity_nlp, extractor, sentence, fragment):
    test_scores_are_counts_without_a_value(quantity_nlp, extractor, sentence, fragment)


def test_point_share_names_its_rule(quantity_nlp, extractor):
    rows = _run(quantity_nlp, extractor, "The Fed cut rates by a quarter point.")
    assert [(r["text"], r["unit_rule"]) for r in rows] == [("a quarter point", "point_share")]
