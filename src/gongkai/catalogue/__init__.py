"""The proactive-disclosure catalogue (政府信息公开目录, 《条例》第十九至二十六条).

Documents with the catalogue metadata, index numbers, categories,
保密审查, 政策解读, the yearly 第二十条 figures and the public search.
"""
