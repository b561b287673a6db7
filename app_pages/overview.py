"""Overview: the article's argument, its key numbers with their sentences, and a way into every page."""

import streamlit as st

from explainer import queries
from explainer.ui.components import empty_state, filter_params, literal, present
from explainer.ui.state import current_filters, dataset

data, filters = dataset(), current_filters()

st.title("How Iran gained its hold on Iraq")
st.markdown(
    "An explainer of a CNN analysis published on 18 January 2020, two weeks after the US drone strike that "
    "killed Qasem Soleimani in Baghdad. **According to the article**, Iran has outplayed the US in Iraq since "
    "the 2003 invasion: it built militias that became part of Iraq's military, won political power through "
    "their allies in parliament, and made Iraq depend on its exports and energy — while US aims in Iraq kept "
    "shifting. The experts it quotes warn that a US withdrawal would let Iran's influence grow, though Iran "
    "has not won over Iraqis, many of whom reject both powers."
)
st.caption(
    "Everything below is checkable: each number links to the sentence it comes from. Vantage point: January 2020."
)

st.header("The key numbers")
table = queries.figures_table(data, filters, queries.KEY_FIGURES)
if table.empty:
    empty_state("key numbers")
for start in range(0, len(table), 3):
    for column, (_, row) in zip(st.columns(3), table.iloc[start : start + 3].iterrows()):
        with column, st.container(border=True):
            prefix = {"approximate": "~", "at-least": "≥"}.get(row["precision"], "")
            st.metric(
                literal(row["label"]),
                f"{prefix}{row['value']:,.0f}",
                help=f"{literal(row['label'])}. Precision: {row['precision']}.",
            )
            if present(row["span"]):
                st.caption(f"“…{literal(row['span'])}…”")
            if present(row["paragraph"]):
                st.page_link(
                    "app_pages/article.py",
                    label=f"In the article, ¶{int(row['paragraph'])}",
                    icon=":material/format_quote:",
                    query_params=filter_params(para=int(row["paragraph"]), datum=row["id"]),
                )

st.header("Explore")
pages = [
    ("app_pages/militias.py", "Militias: 113,000 salaried, 36,000 directed by Iran", ":material/shield:"),
    ("app_pages/elections.py", "Elections 2018: Fatah comes second", ":material/how_to_vote:"),
    ("app_pages/trade.py", "Trade and energy: Iraq depends on Iran", ":material/local_gas_station:"),
    ("app_pages/timeline.py", "Timeline: from the Iran–Iraq war to January 2020", ":material/timeline:"),
    ("app_pages/quotes.py", "Quotes: what the experts said", ":material/format_quote:"),
    ("app_pages/actors.py", "Actors: who backs and opposes whom", ":material/hub:"),
    ("app_pages/article.py", "The article, with every data-bearing sentence marked", ":material/article:"),
    ("app_pages/sources.py", "Sources and method, corrections, downloads", ":material/fact_check:"),
]
for column, (page, label, icon) in zip(st.columns(2) * 4, pages):
    column.page_link(page, label=label, icon=icon, query_params=filter_params())
