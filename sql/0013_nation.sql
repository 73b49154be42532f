-- The national level is named 中国 (as analysts and the gold annotation call it); 全国 and 我国
-- are words for it in running text. Code 000000, above every province.
UPDATE regions SET name = '中国', short_name = '中国' WHERE code = '000000';
