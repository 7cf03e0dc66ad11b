"""行政复议 and 行政诉讼 arising from disclosure applications (table 四)."""
