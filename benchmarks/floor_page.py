"""The floor for the benchmark: the same app drawing one small plotly chart and one small table."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

st.title("Floor")
table = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
st.plotly_chart(go.Figure(go.Bar(x=table["x"], y=table["y"])), width="stretch", alt="floor chart")
st.dataframe(table, hide_index=True)
