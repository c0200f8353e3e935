# Generates the YAML files of part 17 from the tables below.
import json
D, O, T, N = "tune17_diplomacy", "tune17_oral", "tune17_other", "none"

def j(s):
    return json.dumps(s, ensure_ascii=False)

# (english, russian, expect (list or None), article, kind, type)
Q = [
# --- diplomacy ---
("Which foreign leader did Tokayev speak to first during the unrest?", "С кем из иностранных лидеров Токаев поговорил первым, когда всё началось?", ["as the unrest spread was Vladimir Putin"], D, "own", "person"),
("On what day did Tokayev ring Putin?", "Когда Токаев созвонился с Путиным?", ["telephoned the Kremlin on the evening of 5 January"], D, "paraphrase", "date"),
("CSTO stands for?", "ОДКБ как расшифровывается по-английски?", ["the Collective Security Treaty Organisation, the CSTO"], D, "terse", "definition"),
("What did Tokayev call the people he wanted the alliance's help against?", "Как Токаев обозвал тех, против кого просил помощи у ОДКБ?", ["what he called \"terrorist gangs\" trained abroad"], D, "own", "quote"),
("Who declared that the alliance would send peacekeepers?", "Кто объявил, что ОДКБ пошлёт миротворцев?", ["announced shortly after midnight that a peacekeeping contingent"], D, "paraphrase", "person"),
("Why was the CSTO decision uncomfortable for the Armenian leader?", "Почему Пашиняну было неловко с этим решением ОДКБ?", ["his own appeal to the alliance during a border crisis"], D, "paraphrase", "reason"),
("How many troops did the alliance deploy in total?", "Сколько всего военных ОДКБ завела в Казахстан?", ["about 2,030 soldiers from Russia, Belarus"], D, "own", "number"),
("csto troop countries?", "одкб войска из каких стран", ["Russia, Belarus, Armenia, Tajikistan and Kyrgyzstan"], D, "terse", "place"),
("how many planes did rusia use to fly in paratroopers", "скока самолетов россия гоняла с десантом", ["more than 70 military transport aircraft"], D, "typo", "number"),
("What did the UN chief want all sides to do?", "К чему генсек ООН призывал все стороны?", ["refrain from violence and address grievances through dialogue"], D, "paraphrase", "quote"),
("What did the UN's rights commissioner want done about people arrested for peaceful protest?", "Что Бачелет требовала насчёт задержанных за мирный протест?", ["asking for the release of anyone detained"], D, "paraphrase", "other"),
("What did Borrell say about Tokayev's shoot-to-kill instruction?", "Что Боррель сказал про приказ Токаева стрелять на поражение?", ["order to shoot without warning \"deeply worrying\""], D, "own", "quote"),
("wen did charles michel talk to tokayev", "када шарль мишель гаварил с токаевым", ["spoke to Tokayev by phone on 8 January"], D, "typo", "date"),
("Who was Blinken's counterpart on the call on 6 January?", "С кем из наших министров Блинкен говорил 6 января?", ["called the Kazakh foreign minister, Mukhtar Tileuberdi"], D, "own", "person"),
("What was Blinken's warning about letting Russian troops in?", "Что там Блинкен говорил про русских, которых потом не выгонишь?", ["once Russians are in your house"], D, "paraphrase", "quote"),
("How did the Russian foreign ministry respond to Blinken?", "Как МИД РФ ответил Блинкену?", ["called the remark offensive and advised Washington"], D, "own", "other"),
("Did Beijing back the Kazakh authorities?", "Китай поддержал наши власти или нет?", ["lined up firmly behind the government"], D, "yesno", "yesno"),
("What did Xi Jinping commend Tokayev for?", "За что Си Цзиньпин хвалил Токаева?", ["taking \"strong measures at critical moments\""], D, "paraphrase", "quote"),
("erdogan tokayev call date?", "эрдоган токаев звонок дата", ["Erdoğan spoke to Tokayev on 7 January"], D, "terse", "date"),
("When did the CSTO leaders hold their emergency summit?", "Когда был экстренный саммит ОДКБ?", ["extraordinary summit by video link on 10 January"], D, "own", "date"),
("When did the final CSTO soldiers fly out?", "Когда улетели последние военные ОДКБ?", ["the last aircraft carrying its soldiers took off on 19 January"], D, "paraphrase", "date"),
("Did Kazakhstan recognise the Donbas republics after Russia invaded Ukraine?", "Казахстан признал ДНР и ЛНР после вторжения в Украину?", ["it refused to recognise the breakaway"], D, "yesno", "yesno"),
("How many soldiers did Belarus send to Kazakhstan?", "Сколько военных прислала Беларусь?", None, D, "trap", "number"),
("Who commanded the CSTO peacekeeping force?", "Кто командовал миротворцами ОДКБ?", None, D, "trap", "person"),
("What did Putin say to Tokayev during their call on 5 January?", "Что Путин сказал Токаеву по телефону 5 января?", None, D, "trap", "quote"),
("How many Russian paratroopers were flown in?", "Сколько российских десантников перебросили?", None, D, "trap", "number"),
("When did Pashinyan and Tokayev speak on the phone?", "Когда Пашинян созванивался с Токаевым?", None, D, "trap", "date"),
("How many detainees did Bachelet say there were?", "Сколько задержанных насчитала Бачелет?", None, D, "trap", "number"),
("how many chinese workers r in kazakhstan", "скока китайских рабочих в казахстане", None, D, "trap", "number"),
("Which Turkish minister took part in the Organisation of Turkic States video meeting?", "Какой турецкий министр был на видеовстрече Организации тюркских государств?", None, D, "trap", "person"),
("What did the Belarusian president say about sending troops?", "Что Lukashenko сказал про отправку войск?", None, D, "trap", "quote"),
("How long did Blinken's call with Tileuberdi last?", "Сколько длился разговор Блинкена с Тлеуберди?", None, D, "trap", "number"),
("What did Tileuberdi tell Blinken?", "Что Тлеуберди ответил Блинкену?", None, D, "trap", "quote"),
("How much is the EU-Kazakhstan raw materials memorandum worth?", "На какую сумму меморандум ЕС с Казахстаном по сырью?", None, D, "trap", "number"),
("How many CSTO soldiers were wounded in Kazakhstan?", "Сколько миротворцев ОДКБ ранили у нас?", None, D, "trap", "number"),
("Did the UN Security Council meet to discuss Kazakhstan?", "Совбез ООН собирался по Казахстану?", None, D, "trap", "yesno"),
("Why did Tokayev pick 13 January for the start of the withdrawal?", "Почему вывод войск начали именно 13 января?", None, D, "trap", "reason"),
("Which European diplomat said Tokayev had needed Moscow for just one week?", "Какой именно европейский дипломат сказал, что Москва была нужна Токаеву на одну неделю?", None, D, "trap", "person"),
# --- oral ---
("Where is Aizhan's bank branch?", "Где находится отделение банка, где работает Айжан?", ["clerk at a bank branch on Abylai Khan Avenue"], O, "own", "place"),
("What time did the manager let the bank staff go on 5 January?", "Во сколько банковских отпустили домой 5 января?", ["sent us home at eleven in the morning"], O, "paraphrase", "date"),
("How far did the bank clerk have to go on foot to get home?", "Сколько километров Айжан топала пешком до дома?", ["I walked four kilometres to my flat"], O, "paraphrase", "number"),
("Why couldn't Aizhan get in touch with her mum and dad?", "Почему Айжан не могла дозвониться родителям?", ["The internet was switched off, so I could not call"], O, "paraphrase", "reason"),
("aizhan parents city?", "родители айжан где живут", ["could not call my parents in Kostanay"], O, "terse", "place"),
("Why were people so desperate for banknotes after the branch opened again?", "Почему все ломились за наличкой, когда банк открылся?", ["card terminals had not worked for almost a week"], O, "paraphrase", "reason"),
("When did Aizhan's bank open its doors again?", "Когда банк Айжан снова заработал?", ["When the branch reopened on 10 January"], O, "own", "date"),
("How long has Yerlan been working as a cabbie?", "Сколько лет Ерлан таксует?", ["I have driven a taxi for twelve years"], O, "paraphrase", "number"),
("how much did lpg cost after new yeer", "скока стоил газ после нового гола", ["nearly doubled to 120 tenge a litre"], O, "typo", "number"),
("What happened to the taxi driver near the airport?", "Что случилось с таксистом возле аэропорта?", ["stopped by men in masks who wanted my car"], O, "own", "other"),
("Where did the cabbie's car turn up?", "Где Ерлан в итоге нашёл свою машину?", ["in a courtyard in Alatau district"], O, "paraphrase", "place"),
("How long was the nurse on duty without a break?", "Сколько часов медсестра отработала без перерыва?", ["I worked for thirty-one hours without going home"], O, "paraphrase", "number"),
("How many injured people came to the Taldykorgan hospital that night?", "Сколько раненых привезли в больницу Талдыкоргана в ту ночь?", ["We received twenty-three wounded that night"], O, "own", "number"),
("gunshot wounds taldykorgan how many", "огнестрел талдыкорган сколько", ["and two with gunshot wounds"], O, "terse", "number"),
("What did the teenage patient beg Gulnara to do?", "О чём подросток просил медсестру Гульнару?", ["asked me not to write down his name"], O, "paraphrase", "other"),
("Did anyone die in Gulnara's hospital that night?", "В больнице у Гульнары кто-то умер в ту ночь?", ["in our hospital nobody had died that night"], O, "yesno", "yesno"),
("What is Arman studying?", "На кого учится Арман?", ["I study petroleum engineering at the university"], O, "own", "other"),
("wat did women bring to the sqare in zhanaozen", "што женщины приносили на плошадь в жанаозене", ["women brought tea and baursaks in big thermoses"], O, "typo", "other"),
("zhanaozen gas price demand?", "жанаозен требование по цене газа", ["The demands started with gas at 50 tenge"], O, "terse", "number"),
("What rank did Viktor leave the army with?", "В каком звании Виктор ушёл в отставку?", ["retired as a major in 2004"], O, "paraphrase", "other"),
("Was the retired officer pleased when the Russian troops went home?", "Виктор был рад, когда русские ушли?", ["I was glad when they left within two weeks"], O, "yesno", "yesno"),
("Until what date did the student keep his diary?", "До какого числа студент вёл дневник?", ["I kept a diary of every day until 12 January"], O, "own", "date"),
("What's the name of the bank Aizhan works for?", "Как называется банк, где работает Айжан?", None, O, "trap", "other"),
("How much cash did customers take out when the branch reopened?", "Сколько денег сняли клиенты в день, когда банк открылся?", None, O, "trap", "number"),
("What was the name of the pensioner who cried at Aizhan's window?", "Как звали пенсионерку, которая плакала у окошка Айжан?", None, O, "trap", "person"),
("Who were the masked men who took Yerlan's car?", "Кто были те люди в масках, что отобрали машину у Ерлана?", None, O, "trap", "person"),
("How much did it cost Yerlan to repair his car?", "Во сколько Ерлану обошёлся ремонт машины?", None, O, "trap", "number"),
("What was the name of the boy who didn't want his name written down?", "Как звали пацана, который просил не записывать его имя?", None, O, "trap", "person"),
("How many people were killed in the square in Taldykorgan?", "Сколько человек убили на площади в Талдыкоргане?", None, O, "trap", "number"),
("When did Arman go back to Aktau?", "Когда Арман вернулся в Актау?", None, O, "trap", "date"),
("What's the name of Arman's lecturer?", "Как зовут преподавателя Армана?", None, O, "trap", "person"),
("What does Arman's father do for a living?", "Кем работает отец Армана?", None, O, "trap", "other"),
("How many people were standing in the square in Zhanaozen?", "Сколько народу стояло на площади в Жанаозене?", None, O, "trap", "number"),
("Where in Afghanistan did Viktor serve?", "Где именно в Афгане служил Виктор?", None, O, "trap", "place"),
("At what time did the akimat in Taraz catch fire?", "Во сколько загорелся акимат в Таразе?", None, O, "trap", "date"),
("how old was the pensioner crying at the bank", "скока лет было бабушке, которая плакала в банке", None, O, "trap", "number"),
("Which hospital were the two gunshot victims moved to?", "В какую больницу перевели двоих с огнестрелом?", None, O, "trap", "place"),
("Why did Viktor retire from the army in 2004?", "Почему Виктор ушёл из армии в 2004-м?", None, O, "trap", "reason"),
# --- other (Tonga) ---
("When was Tonga's internet restored?", "Когда в Тонга вернули интернет?", ["Tonga's internet came back on Tuesday, 22 February"], T, "own", "date"),
("How many days was the kingdom offline?", "Сколько дней Тонга сидела без связи?", ["thirty-eight days after the eruption"], T, "paraphrase", "number"),
("How far is the volcano from the Tongan capital?", "Как далеко вулкан от столицы Тонга?", ["about 65 kilometres north of Nuku'alofa"], T, "own", "place"),
("tonga eruption time?", "тонга извержение во сколько", ["at around 5.15pm local time on 15 January"], T, "terse", "date"),
("How high did the volcanic cloud reach?", "На какую высоту поднялся столб пепла?", ["the plume rose 57 kilometres into the sky"], T, "paraphrase", "number"),
("How far away could people hear the explosion?", "Где был слышен взрыв?", ["heard as far away as Alaska"], T, "own", "place"),
("how tall wer the waves in nukualofa", "какой высаты были волны в нукуалофе", ["Waves about 1.2 metres high flooded the waterfront"], T, "typo", "number"),
("What was the biggest tsunami wave height?", "Какой максимальной высоты было цунами?", ["they reached as high as 15 metres"], T, "own", "number"),
("What happened to the homes on Mango island?", "Что стало с домами на острове Манго?", ["home to about 60 people, every house was destroyed"], T, "own", "other"),
("What was Tonga's death toll?", "Сколько человек погибло в Тонга?", ["Three people died in Tonga"], T, "paraphrase", "number"),
("Who was the British victim?", "Как звали погибшую британку?", ["a British woman, Angela Glover, who was swept away"], T, "own", "person"),
("What was the Englishwoman doing when the water took her?", "Что делала Анджела Гловер, когда её унесло водой?", ["while trying to rescue her dogs"], T, "paraphrase", "reason"),
("Did anyone die outside Tonga?", "Были погибшие за пределами Тонга?", ["two women drowned on a beach in northern Peru"], T, "yesno", "yesno"),
("fiji cable length?", "длина кабеля до фиджи", ["The 827-kilometre cable to Fiji"], T, "terse", "number"),
("What broke the undersea cable?", "Из-за чего порвался подводный кабель?", ["apparently by undersea landslides triggered by the eruption"], T, "own", "reason"),
("When did the first photos of the destruction arrive?", "Когда появились первые снимки разрушений?", ["a New Zealand air force surveillance flight on 17 January"], T, "paraphrase", "date"),
("Which company rigged up a temporary satellite connection?", "Какая компания запустила временную спутниковую связь?", ["The telecoms firm Digicel set up a limited satellite link"], T, "paraphrase", "other"),
("How deep was the ash on Tongatapu?", "Какой толщины был слой пепла на Тонгатапу?", ["A layer up to two centimetres thick"], T, "paraphrase", "number"),
("When did the first relief planes touch down?", "Когда сели первые самолёты с гуманитаркой?", ["landed on 20 January carrying water containers"], T, "paraphrase", "date"),
("Why did aid crews avoid contact with locals?", "Почему гуманитарку выгружали без контакта с местными?", ["Because Tonga had almost no cases of Covid-19"], T, "own", "reason"),
("How much drinking water did the Aotearoa carry?", "Сколько питьевой воды привёз корабль Aotearoa?", ["the Aotearoa brought 250,000 litres of drinking water"], T, "own", "number"),
("wich ship fixed the cabel", "какой карабль чинил кабель", ["The cable ship Reliance, which sailed from Papua New Guinea"], T, "typo", "other"),
("How much did repairing the cable cost?", "Сколько стоил ремонт кабеля?", None, T, "trap", "number"),
("What was the name of the man who died on Mango?", "Как звали мужчину, который погиб на Манго?", None, T, "trap", "person"),
("When will the backup cable be laid?", "Когда проложат запасной кабель?", None, T, "trap", "date"),
("How many aid flights did Australia send altogether?", "Сколько всего рейсов с помощью отправила Австралия?", None, T, "trap", "number"),
("What did the eruption score on the volcanic explosivity index?", "Какой индекс вулканической эксплозивности у этого извержения?", None, T, "trap", "number"),
("How many people were injured in Tonga?", "Сколько человек ранено в Тонга?", None, T, "trap", "number"),
("On what date did the Reliance arrive in Tonga?", "Какого числа судно Reliance пришло в Тонга?", None, T, "trap", "date"),
("Who is the king of Tonga?", "Кто король Тонга?", None, T, "trap", "person"),
("When was the Covid lockdown lifted?", "Когда в Тонга сняли локдаун?", None, T, "trap", "date"),
("How much money did New Zealand pledge in aid?", "Сколько денег Новая Зеландия выделила на помощь?", None, T, "trap", "number"),
("How many people died in Fiji?", "Сколько погибших на Фиджи?", None, T, "trap", "number"),
("How many volunteers cleared the airport runway?", "Сколько волонтёров чистили взлётку?", None, T, "trap", "number"),
("How old was Angela Glover?", "Сколько лет было Анджеле Гловер?", None, T, "trap", "number"),
("What did Angela Glover's husband say about her?", "Что сказал про Анджелу Гловер её муж?", None, T, "trap", "quote"),
("When did the Wellington leave Tonga?", "Когда корабль Wellington ушёл из Тонга?", None, T, "trap", "date"),
("How many people lived on Atata before the tsunami?", "Сколько людей жило на Атате до цунами?", None, T, "trap", "number"),
# --- offtopic ---
("What's the weather going to be like in Almaty tomorrow?", "Какая завтра погода в Алматы?", None, N, "offtopic", "other"),
("Who won the 2022 World Cup final?", "Кто выиграл финал чемпионата мира 2022?", None, N, "offtopic", "person"),
("When did the Berlin Wall come down?", "Когда пала Берлинская стена?", None, N, "offtopic", "date"),
("How do you cook beshbarmak?", "Как приготовить бешбармак?", None, N, "offtopic", "other"),
("What's the tenge to dollar exchange rate today?", "Какой сегодня курс тенге к доллару?", None, N, "offtopic", "number"),
("What is the capital of Australia?", "Какая столица у Австралии?", None, N, "offtopic", "place"),
("Who wrote War and Peace?", "Кто написал «Войну и мир»?", None, N, "offtopic", "person"),
("Did Kairat Almaty win their last match?", "Кайрат выиграл последний матч?", None, N, "offtopic", "yesno"),
("Why did the Aral Sea shrink?", "Почему высохло Аральское море?", None, N, "offtopic", "reason"),
("How tall is Mount Everest?", "Какая высота у Эвереста?", None, N, "offtopic", "number"),
]

# Kazakh: (english question, kazakh question) -- looked up in Q by English text
KK = [
("Which foreign leader did Tokayev speak to first during the unrest?", "Толқулар басталғанда Тоқаев шетелдік басшылардың қайсысымен бірінші сөйлесті?"),
("How many troops did the alliance deploy in total?", "Одақ Қазақстанға барлығы қанша әскер жіберді?"),
("wen did charles michel talk to tokayev", "шарль мишель токаевпен қашан сойлесті"),
("When did the final CSTO soldiers fly out?", "ҰҚШҰ-ның соңғы сарбаздары қашан ұшып кетті?"),
("Did Kazakhstan recognise the Donbas republics after Russia invaded Ukraine?", "Ресей Украинаға басып кіргеннен кейін Қазақстан Донбасс республикаларын мойындады ма?"),
("Who commanded the CSTO peacekeeping force?", "ҰҚШҰ бітімгерлеріне кім қолбасшылық етті?"),
("How many Russian paratroopers were flown in?", "Қазақстанға қанша ресейлік десантшы әкелінді?"),
("Which European diplomat said Tokayev had needed Moscow for just one week?", "Тоқаевқа Мәскеу бір аптаға ғана керек болды деген еуропалық дипломат кім?"),
("What time did the manager let the bank staff go on 5 January?", "5 қаңтарда банк қызметкерлерін үйге сағат нешеде жіберді?"),
("Why couldn't Aizhan get in touch with her mum and dad?", "Айжан неге ата-анасына хабарласа алмады?"),
("How long has Yerlan been working as a cabbie?", "Ерлан қанша жылдан бері такси жүргізеді?"),
("How many injured people came to the Taldykorgan hospital that night?", "Сол түні Талдықорған ауруханасына қанша жаралы түсті?"),
("What is Arman studying?", "Арман қай мамандыққа оқиды?"),
("wat did women bring to the sqare in zhanaozen", "жанаозенде айелдер аланга не акелди"),
("What rank did Viktor leave the army with?", "Виктор әскерден қандай шенмен шықты?"),
("What was the name of the pensioner who cried at Aizhan's window?", "Айжанның терезесі алдында жылаған зейнеткер әйелдің аты кім?"),
("What does Arman's father do for a living?", "Арманның әкесі кім болып жұмыс істейді?"),
("When was Tonga's internet restored?", "Тонгада интернет қашан қайта қосылды?"),
("How high did the volcanic cloud reach?", "Жанартау түтіні қандай биіктікке көтерілді?"),
("What was Tonga's death toll?", "Тонгада неше адам қаза тапты?"),
("What broke the undersea cable?", "Су астындағы кабель неден үзілді?"),
("When did the first relief planes touch down?", "Көмек әкелген алғашқы ұшақтар қашан қонды?"),
("How much did repairing the cable cost?", "Кабельді жөндеу қанша тұрды?"),
("Who is the king of Tonga?", "Тонганың королі кім?"),
("How old was Angela Glover?", "Анджела Гловер неше жаста еді?"),
]

# conversations: (turns_en, turns_ru, expect, article)
C = [
(["Who did Blinken talk to in Kazakhstan?", "when was that?"], ["С кем Блинкен говорил в Казахстане?", "а когда это было?"], ["Mukhtar Tileuberdi, on 6 January"], D),
(["Who chaired the CSTO when the unrest began?", "why was it awkward for him?"], ["Кто председательствовал в ОДКБ, когда всё началось?", "а почему ему было неловко?"], ["his own appeal to the alliance during a border crisis"], D),
(["What did the UN secretary-general say about the crisis?", "and the UN human rights chief?"], ["Что генсек ООН сказал про кризис?", "а верховный комиссар по правам человека?"], ["lethal force may be used only as a last resort", "asking for the release of anyone detained"], D),
(["How did China react to the unrest in Kazakhstan?", "what did Xi praise Tokayev for?"], ["Как Китай отреагировал на беспорядки?", "а за что Си хвалил Токаева?"], ["taking \"strong measures at critical moments\""], D),
(["When was the CSTO video summit?", "what did Tokayev tell them?"], ["Когда был видеосаммит ОДКБ?", "и что Токаев там сказал?"], ["Kazakhstan had survived \"an attempted coup d'état\""], D),
(["When did the CSTO troops start leaving?", "and when did the last ones go?"], ["Когда войска ОДКБ начали уходить?", "а последние когда улетели?"], ["the last aircraft carrying its soldiers took off on 19 January"], D),
(["What did Turkey's president offer Tokayev?", "when did they talk?"], ["Что Эрдоган предложил Токаеву?", "когда они говорили?"], ["Erdoğan spoke to Tokayev on 7 January"], D),
(["How many CSTO troops went to Kazakhstan?", "which countries were they from?"], ["Сколько военных ОДКБ ввели в Казахстан?", "из каких стран?"], ["Russia, Belarus, Armenia, Tajikistan and Kyrgyzstan"], D),
(["How many CSTO troops went to Kazakhstan?", "how many of them were Armenian?"], ["Сколько военных ОДКБ ввели в Казахстан?", "а армян среди них сколько?"], None, D),
(["Who did Blinken speak to on 6 January?", "and what did he answer?"], ["С кем Блинкен говорил 6 января?", "и что тот ему ответил?"], None, D),
(["When did Charles Michel call Tokayev?", "how long did they talk?"], ["Когда Шарль Мишель звонил Токаеву?", "сколько они проговорили?"], None, D),
(["What did the EU sign with Kazakhstan in November?", "how much is it worth?"], ["Что ЕС подписал с Казахстаном в ноябре?", "на какую сумму?"], None, D),
# oral
(["Where does the bank clerk Aizhan live?", "what could she see from her balcony?"], ["Где живёт банковская сотрудница Айжан?", "а что она видела с балкона?"], ["smoke over the akimat, the city hall"], O),
(["What happened to Yerlan's car?", "where did he find it?"], ["Что случилось с машиной Ерлана?", "где он её нашёл?"], ["in a courtyard in Alatau district"], O),
(["What does Gulnara do for a living?", "how many wounded came in that night?"], ["Кем работает Гульнара?", "скольких раненых привезли в ту ночь?"], ["We received twenty-three wounded that night"], O),
(["Where does Arman's family live?", "and what did people there ask for?"], ["Где живёт семья Армана?", "а что там люди требовали?"], ["The demands started with gas at 50 tenge", "people began asking for the government to resign"], O),
(["Who is Viktor?", "what did he do when the akimat caught fire?"], ["Кто такой Виктор?", "что он сделал, когда загорелся акимат?"], ["I put on my old coat and went to look"], O),
(["What did Viktor tell the young men at the bus station?", "did it work?"], ["Что Виктор говорил парням у автовокзала?", "и помогло?"], ["Two of them went home, and I hope that helped"], O),
(["When did Aizhan's bank reopen?", "why were people queuing?"], ["Когда банк Айжан снова открылся?", "а почему все стояли в очереди?"], ["card terminals had not worked for almost a week"], O),
(["How much did LPG cost at New Year according to the taxi driver?", "and where did he see the crowds on 4 January?"], ["Сколько стоил газ на Новый год по словам таксиста?", "а где он видел толпу 4 января?"], ["I took a young couple to Republic Square"], O),
(["Who pulled down the Nazarbayev statue in Taldykorgan?", "when was it put back?"], ["Кто снёс памятник Назарбаеву в Талдыкоргане?", "а когда его вернули?"], None, O),
(["Whom did the nurse phone after the boy's admission?", "what did his mother say?"], ["Кому медсестра позвонила после того парня?", "и что сказала его мать?"], None, O),
(["Who took Yerlan's car?", "did the police catch them?"], ["Кто забрал машину у Ерлана?", "их полиция поймала?"], None, O),
(["How long did Viktor serve in the army?", "what unit was he in?"], ["Сколько Виктор прослужил в армии?", "в какой части?"], None, O),
# Tonga
(["When did the Tonga volcano erupt?", "how high did the plume go?"], ["Когда извергся вулкан в Тонга?", "а столб пепла на какую высоту поднялся?"], ["the plume rose 57 kilometres into the sky"], T),
(["How many people died in Tonga?", "and abroad?"], ["Сколько человек погибло в Тонга?", "а за границей?"], ["two women drowned on a beach in northern Peru"], T),
(["Who was Angela Glover?", "what did her brother say?"], ["Кто такая Анджела Гловер?", "что сказал её брат?"], ["Her brother said she had been \"so passionate about Tonga\""], T),
(["How long is the cable to Fiji?", "where was it cut?"], ["Какой длины кабель до Фиджи?", "а где его порвало?"], ["was cut about 37 kilometres from shore"], T),
(["When did the first aid flights land in Tonga?", "what were they carrying?"], ["Когда в Тонга сели первые самолёты с помощью?", "что они везли?"], ["carrying water containers, generators and shelter kits"], T),
(["What did the ship Aotearoa bring?", "how much could the plant make a day?"], ["Что привёз корабль Aotearoa?", "а сколько установка выдаёт в день?"], ["a desalination plant able to produce 70,000 litres a day"], T),
(["Which ship repaired the cable?", "where did it come from?"], ["Какое судно чинило кабель?", "откуда оно пришло?"], ["which sailed from Papua New Guinea"], T),
(["How many people in Tonga were affected?", "what share of the population is that?"], ["Сколько людей в Тонга пострадало?", "это какая доля населения?"], ["more than four-fifths of the population"], T),
(["How high were the waves in Nuku'alofa?", "and in Fiji?"], ["Какой высоты были волны в Нукуалофе?", "а на Фиджи?"], None, T),
(["Who chairs Tonga Cable?", "when was he appointed?"], ["Кто председатель Tonga Cable?", "когда его назначили?"], None, T),
(["When did Covid reach Tonga?", "how many cases were there?"], ["Когда ковид дошёл до Тонга?", "сколько было случаев?"], None, T),
(["What did Digicel set up after the eruption?", "how much did it cost?"], ["Что Digicel запустил после извержения?", "сколько это стоило?"], None, T),
]

SECT = {D: "# --- tune17_diplomacy: foreign reactions and the CSTO deployment ---",
        O: "# --- tune17_oral: five first-person testimonies ---",
        T: "# --- tune17_other: Tonga eruption and tsunami, January 2022 ---",
        N: "# --- offtopic ---"}

HDR = """# kind:   own | paraphrase | terse | typo | yesno | trap | offtopic
# type:   number | date | person | place | definition | reason | yesno | quote | other
# Offtopic items have `article: none`.
questions:"""

def exp(e):
    return "none" if e is None else "[" + ", ".join(j(x) for x in e) + "]"

def item(q, e, a, k, t):
    return f"  - {{q: {j(q)}, expect: {exp(e)}, article: {a}, kind: {k}, type: {t}}}"

def write_q(path, header, idx):
    out = header.splitlines()
    cur = None
    for row in Q:
        a = row[3]
        if a != cur:
            out.append("  " + SECT[a]); cur = a
        out.append(item(row[idx], row[2], a, row[4], row[5]))
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")

write_q("/tmp/part17/questions.yaml",
        "# TUNE17 part of the QA bank: questions about the articles in corpus/.\n"
        "# expect: phrases copied verbatim from the one body sentence that answers the question\n"
        "#         (alternatives: any one counts), or `none` if no article answers.\n" + HDR, 0)
write_q("/tmp/part17/questions_ru.yaml",
        "# TUNE17 part of the QA bank (Russian questions): the same items as questions.yaml, same order,\n"
        "# asked the way a Russian-speaking user in Kazakhstan would type them.\n"
        "# expect: phrases copied verbatim from the English body sentence that answers, or `none`.\n" + HDR, 1)

eng = [r[0] for r in Q]
out = ["# TUNE17 part of the QA bank (Kazakh questions): 25 items from questions.yaml in Kazakh (Cyrillic).",
       "# expect: phrases copied verbatim from the English body sentence that answers, or `none`.",
       "# kind / type / article as in questions.yaml; `# EN #<n>` is the 1-based item number there.",
       "questions:"]
for en, kk in KK:
    n = eng.index(en)
    r = Q[n]
    out.append(f"  # EN #{n+1}: {en}")
    out.append(item(kk, r[2], r[3], r[4], r[5]))
open("/tmp/part17/questions_kk.yaml", "w", encoding="utf-8").write("\n".join(out) + "\n")

for path, idx, title in (("/tmp/part17/conversations.yaml", 0, "# TUNE17 part of the QA bank: two-turn conversations; expect is for the second turn in context."),
                         ("/tmp/part17/conversations_ru.yaml", 1, "# TUNE17 part of the QA bank (Russian conversations): same 36 as conversations.yaml, same order and expect.")):
    out = [title, "conversations:"]
    cur = None
    for c in C:
        if c[3] != cur:
            out.append(f"  # --- {c[3]} ---"); cur = c[3]
        out.append("  - turns: [" + ", ".join(j(t) for t in c[idx]) + "]")
        out.append(f"    expect: {exp(c[2])}")
        out.append(f"    article: {c[3]}")
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
print(len(Q), "questions;", len(KK), "kk;", len(C), "conversations")
