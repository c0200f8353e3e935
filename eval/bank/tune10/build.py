"""Builds the YAML files of part 10 from the tables below (one place to keep EN/RU/KK in step)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
N = None  # expect: none

# (q_en, q_ru, expect, article, kind, type)
Q = []
def add(article, kind, typ, en, ru, expect=N):
    Q.append(dict(en=en, ru=ru, expect=expect, article=article, kind=kind, type=typ))

C, A, O = "tune10_court", "tune10_qa", "tune10_other"

# ---------------------------------------------------------------- court
add(C, "own", "number", "How many men went to prison for the attack on Almaty city hall?",
    "Скольким людям дали срок за штурм акимата?",
    ["sentenced eleven men to prison terms", "found all eleven defendants guilty"])
add(C, "trap", "person", "What was the name of the prosecutor in the case?",
    "Как звали прокурора по этому делу?")
add(C, "own", "person", "Who got the longest sentence?",
    "Кому дали самый большой срок?", ["to Yerlan Suleimenov, a 34-year-old taxi driver"])
add(C, "paraphrase", "number", "How long will the alleged ringleader spend behind bars?",
    "Сколько будет сидеть тот, кого назвали главным зачинщиком?",
    ["14 years in a maximum-security penal colony"])
add(C, "trap", "number", "How many people died when the akimat was stormed?",
    "Сколько человек погибло при штурме акимата?")
add(C, "terse", "person", "judge name?", "судья кто?",
    ["Judge Aigul Nurmagambetova gave the longest sentence"])
add(C, "typo", "other", "wat were they charjed with?", "по какой стотье их судили?",
    ["guilty of mass riots under Article 272"])
add(C, "trap", "date", "When will the appeal be heard?", "Когда рассмотрят апелляцию?")
add(C, "own", "date", "When did the trial begin?", "Когда начался процесс?",
    ["The trial opened on 12 September"])
add(C, "trap", "number", "What sentence did the prosecution request for Abdikarimov?",
    "Какой срок прокурор просил для Абдикаримова?")
add(C, "terse", "number", "number of hearings", "сколько было заседаний",
    ["ran for 31 hearings, most of them open"])
add(C, "trap", "number", "How many of the eleven men were under 25?",
    "Сколько из одиннадцати подсудимых были младше 25?")
add(C, "paraphrase", "quote", "What did the police sergeant say about being allowed to open fire?",
    "Что сержант полиции говорил насчёт разрешения стрелять?", ["we had no order to shoot"])
add(C, "own", "number", "How many police were guarding the building when the crowd broke in?",
    "Сколько полицейских охраняло акимат, когда толпа ворвалась?",
    ["There were hundreds of them and about 40 of us"])
add(C, "trap", "person", "What was the name of the kiosk owner who testified?",
    "Как зовут хозяйку киоска, которая давала показания?")
add(C, "paraphrase", "reason", "What made Suleimenov go out to the square, by his own account?",
    "Зачем Сулейменов, по его словам, вообще пошёл на площадь?",
    ["because gas had become too expensive"])
add(C, "trap", "quote", "What did Abdikarimov say in his final statement?",
    "Что сказал Абдикаримов в последнем слове?")
add(C, "own", "number", "How much compensation were the men ordered to pay?",
    "Сколько денег их обязали выплатить?", ["to pay 1.2 billion tenge, about $2.6m"])
add(C, "trap", "number", "How many police officers were injured defending the building?",
    "Сколько полицейских пострадало, защищая здание?")
add(C, "terse", "person", "suleimenov lawyer", "адвокат Сулейменова",
    ["Suleimenov's lawyer, Zhanar Balgabayeva"])
add(C, "yesno", "yesno", "Is the defence going to challenge the verdict?",
    "Защита будет обжаловать приговор?", ["she would lodge an appeal with the Almaty city court"])
add(C, "trap", "reason", "Why were some of the hearings closed to the public?",
    "Почему часть заседаний была закрытой?")
add(C, "paraphrase", "other", "What evidence was the conviction based on?",
    "На каких доказательствах построен приговор?", ["footage from 14 CCTV cameras"])
add(C, "trap", "person", "Who was the officer accused of burning Abdikarimov with an iron?",
    "Как фамилия полицейского, которого обвинили в пытке утюгом?")
add(C, "typo", "other", "what did abdikarimov say the polise did to him",
    "что абдикаримову сделали в полицыи?", ["burned his back with a hot iron"])
add(C, "yesno", "yesno", "Did the judge believe the men were tortured?",
    "Судья поверила, что их пытали?", ["The judge rejected the torture claims"])
add(C, "trap", "number", "How many children does Abdikarimov have?", "Сколько детей у Абдикаримова?")
add(C, "own", "quote", "What did Suleimenov's mother shout in court?",
    "Что крикнула мать Сулейменова в зале суда?", ["My son is not a terrorist!"])
add(C, "trap", "place", "Where is Abdikarimov from?", "Абдикаримов откуда?")
add(C, "paraphrase", "reason", "Why couldn't the convicted men get out under the amnesty?",
    "Почему на них не распространилась амнистия?",
    ["does not apply to anyone charged over attacks on government buildings"])
add(C, "trap", "number", "How many of the stolen guns were found again?",
    "Сколько украденного оружия потом нашли?")
add(C, "own", "number", "How many weapons were kept at the guard post?",
    "Сколько оружия хранилось на посту охраны?", ["16 pistols and two assault rifles were kept"])
add(C, "trap", "yesno", "Did any of the defendants plead guilty?",
    "Кто-нибудь из подсудимых признал вину?")
add(C, "typo", "number", "wats the maximum punishmnet for organising mass riots",
    "какое максимальное накозание за организацию масовых беспорядков",
    ["organising mass riots is punishable by eight to 15 years"])
add(C, "trap", "quote", "What did the Almaty mayor say about the verdict?",
    "Что аким Алматы сказал о приговоре?")
add(C, "terse", "number", "Abdikarimov sentence", "Абдикаримов срок",
    ["received 11 years for taking part in the riot"])
add(C, "trap", "number", "How long did the judge deliberate before reading out the verdict?",
    "Сколько судья совещалась перед оглашением приговора?")
add(C, "own", "place", "Where is Suleimenov from?", "Сулейменов откуда родом?",
    ["a 34-year-old taxi driver from the suburb of Kalkaman"])

# ---------------------------------------------------------------- Q&A explainer
add(A, "own", "reason", "What triggered the unrest in the first place?", "С чего вообще всё началось?",
    ["The immediate trigger was the price of fuel",
     "removed a cap on the price of liquefied petroleum gas"])
add(A, "trap", "number", "How many Russian soldiers were in the CSTO contingent?",
    "Сколько именно российских военных было в контингенте ОДКБ?")
add(A, "paraphrase", "number", "What did a litre of car gas cost before and after New Year?",
    "Почём был литр газа до Нового года и после?", ["from about 60 tenge to 120 tenge a litre"])
add(A, "own", "place", "In which town did the protests begin?", "В каком городе начались протесты?",
    ["residents of the oil town of Zhanaozen"])
add(A, "trap", "date", "On what date did the CSTO troops arrive?", "Какого числа прибыли войска ОДКБ?")
add(A, "terse", "other", "zhanaozen 2011?", "жанаозен 2011?",
    ["police opened fire on striking oil workers there"])
add(A, "trap", "person", "Who replaced Askar Mamin as prime minister?", "Кто стал премьером вместо Мамина?")
add(A, "own", "definition", "What does Qandy Qantar mean?", "Что значит Qandy Qantar?",
    ['Qandy Qantar, which means "Bloody January"'])
add(A, "paraphrase", "quote", "What slogan did demonstrators shout about the ex-president?",
    "Какой лозунг кричали протестующие про бывшего президента?",
    ['the chant "Shal, ket!", meaning "Old man, go!"'])
add(A, "trap", "number", "What was the turnout in the June referendum?",
    "Какая была явка на июньском референдуме?")
add(A, "typo", "person", "who tok over as presidnet from nazarbaev in 2019",
    "кто стал презедентом после назарбаева в 2019",
    ["handed the presidency to his chosen successor, Kassym-Jomart Tokayev"])
add(A, "trap", "person", "Who ordered the internet to be shut down?", "Кто приказал отключить интернет?")
add(A, "own", "place", "Where did protesters knock down a Nazarbayev statue?",
    "В каком городе снесли памятник Назарбаеву?", ["In Taldykorgan protesters pulled down a statue"])
add(A, "own", "person", "Which prime minister resigned?", "Какой премьер ушёл в отставку?",
    ["resignation of prime minister Askar Mamin"])
add(A, "trap", "number", "How many people were killed in Almaty?",
    "Сколько людей погибло именно в Алматы?")
add(A, "paraphrase", "quote", "What did the president say troops were allowed to do?",
    "Что президент разрешил силовикам?", ["fire to kill without warning"])
add(A, "trap", "reason", "Why did the government remove the gas price cap?",
    "Зачем правительство отменило потолок цен на газ?")
add(A, "terse", "number", "bandits number tokayev claimed", "сколько бандитов по токаеву",
    ['20,000 "bandits" had attacked Almaty'])
add(A, "own", "definition", "What does CSTO stand for?", "ОДКБ это что такое?",
    ["The Collective Security Treaty Organisation is a military alliance"])
add(A, "trap", "number", "How many children died in the unrest?",
    "Сколько детей погибло во время беспорядков?")
add(A, "terse", "person", "CSTO commander?", "командующий ОДКБ?",
    ["the Russian general Andrei Serdyukov"])
add(A, "trap", "person", "Who became head of the KNB after Masimov?", "Кто возглавил КНБ после Масимова?")
add(A, "own", "number", "How many foreign troops were deployed?", "Сколько иностранных военных ввели?",
    ["About 2,000 troops, most of them Russian paratroopers"])
add(A, "typo", "date", "when did the csto solders leav", "когда ушли салдаты одкб",
    ["the last of them left on 19 January"])
add(A, "trap", "number", "What sentence did Masimov get?", "Сколько дали Масимову?")
add(A, "own", "number", "What is the official death toll?", "Сколько погибших по официальным данным?",
    ["238 people were killed, including 19 police officers"])
add(A, "trap", "date", "When was the state of emergency lifted?", "Когда отменили режим ЧП?")
add(A, "paraphrase", "number", "How many people were taken into custody?", "Скольких людей задержали?",
    ["More than 10,000 people were detained"])
add(A, "trap", "number", "How many of the detainees were foreigners?",
    "Сколько иностранцев было среди задержанных?")
add(A, "own", "date", "When was Masimov arrested?", "Когда арестовали Масимова?",
    ["arrested on 6 January on suspicion of high treason"])
add(A, "trap", "place", "Which countries did Tokayev accuse of backing the rioters?",
    "Какие страны Токаев обвинил в поддержке погромщиков?")
add(A, "terse", "definition", "KNB stands for?", "КНБ расшифровка",
    ["the head of the National Security Committee (KNB)"])
add(A, "trap", "number", "How many oil workers were arrested in Zhanaozen in 2011?",
    "Скольких нефтяников арестовали в Жанаозене в 2011?")
add(A, "yesno", "yesno", "Did voters back the constitutional changes?",
    "Люди на референдуме поддержали поправки?",
    ["voters approved changes to a third of the constitution"])
add(A, "trap", "quote", "What did Nazarbayev say about the protests?", "Что сам Назарбаев сказал о протестах?")
add(A, "typo", "number", "wat percent did tokaev get in the electon",
    "скока процентов набрал токаев на выборах", ["Tokayev won an early election with 81 per cent"])
add(A, "trap", "person", "Who ran against Tokayev in the November election?",
    "Кто был соперником Токаева на ноябрьских выборах?")
add(A, "yesno", "yesno", "Does Nazarbayev's nephew still have his security job?",
    "Племянник Назарбаева остался на своей должности в КНБ?",
    ["lost their posts, including his nephew Samat Abish"])
add(A, "trap", "number", "How much did the CSTO mission cost?", "Во сколько обошлась миссия ОДКБ?")
add(A, "paraphrase", "reason", "How did Tokayev justify calling in the CSTO?",
    "Чем Токаев объяснил, что позвал ОДКБ?",
    ["describing the unrest as a terrorist threat with foreign backing"])

# ---------------------------------------------------------------- other event: Texas 2021
add(O, "own", "number", "How many customers lost power at the worst point?",
    "Сколько абонентов осталось без света в самый пик?", ["about 4.5 million customers had no power"])
add(O, "trap", "number", "How many people died in Houston?", "Сколько человек погибло в Хьюстоне?")
add(O, "paraphrase", "number", "How many households and companies were still in the dark on Wednesday?",
    "Сколько домов и фирм всё ещё сидели без электричества в среду?",
    ["More than three million homes and businesses in Texas"])
add(O, "own", "definition", "What does Ercot stand for?", "Как расшифровывается Ercot?",
    ["The Electric Reliability Council of Texas, known as Ercot"])
add(O, "trap", "person", "Which Houston utility cut power to customers?",
    "Какая компания в Хьюстоне отключала людям свет?")
add(O, "terse", "date", "rolling blackouts start time", "веерные отключения во сколько начались",
    ["cut power to customers at 1.25am on Monday"])
add(O, "own", "person", "Who is the head of Ercot?", "Кто глава Ercot?",
    ["Bill Magness, Ercot's chief executive"])
add(O, "trap", "number", "How much did the storm cost Texas in damage?",
    "Какой ущерб шторм нанёс Техасу в долларах?")
add(O, "paraphrase", "quote", "How near did the network come to total failure, according to its boss?",
    "Насколько близко сеть была к полному краху, по словам её начальника?",
    ['within "seconds and minutes" of an uncontrolled collapse'])
add(O, "trap", "number", "What was the lowest temperature in Dallas?",
    "Какая была минимальная температура в Далласе?")
add(O, "own", "number", "How much generating capacity went offline?", "Сколько мощностей вырубилось?",
    ["about 46,000 megawatts of generating capacity"])
add(O, "typo", "reason", "why did the nuclear reacter shut down", "почему отключился ядерный риактор",
    ["after a water pump failed in the cold"])
add(O, "trap", "other", "What airline did Cruz fly to Cancún with?",
    "Какой авиакомпанией Круз летел в Канкун?")
add(O, "paraphrase", "reason", "Why couldn't Texas just buy electricity from other states?",
    "Почему Техас не мог просто купить электричество у соседей?",
    ["limited how much electricity Texas could import"])
add(O, "trap", "number", "How many megawatts of wind power went offline?",
    "Сколько мегаватт ветровой генерации отключилось?")
add(O, "terse", "person", "texas governor name", "губернатор техаса кто",
    ["Governor Greg Abbott called for an investigation"])
add(O, "paraphrase", "date", "How long does the ban on shipping gas out of state last?",
    "До какого числа запретили продавать газ за пределы штата?",
    ["to buyers outside Texas until 21 February"])
add(O, "trap", "person", "Who chairs the Ercot board?", "Кто председатель совета директоров Ercot?")
add(O, "own", "number", "How many Texans were told to boil their water?",
    "Скольким техасцам велели кипятить воду?",
    ["About 7 million people, a quarter of the state's population"])
add(O, "trap", "number", "How many customers on variable-rate plans got huge bills?",
    "Сколько клиентов с плавающим тарифом получили огромные счета?")
add(O, "typo", "number", "how many ppl died in the storm so far", "скока людей погибло из-за шторма",
    ["At least 21 deaths have been linked to the storm"])
add(O, "trap", "number", "How much was Rosa Martínez's electricity bill?",
    "Какой счёт за свет пришёл Розе Мартинес?")
add(O, "paraphrase", "place", "Where did the fire that killed three kids and their grandma happen?",
    "Где случился пожар, в котором погибли трое детей и бабушка?",
    ["In Sugar Land, a suburb of Houston"])
add(O, "trap", "date", "When did power come back in Sugar Land?", "Когда в Шугар-Ленде дали свет?")
add(O, "terse", "number", "wholesale price cap", "оптовая цена макс",
    ["rose to the maximum allowed, $9,000 per megawatt hour"])
add(O, "own", "quote", "What did the nurse from Dallas say about the cold?",
    "Что медсестра из Далласа сказала про холод?", ["I have never been so cold in my life"])
add(O, "trap", "reason", "Why weren't the gas wells protected against the cold?",
    "Почему газовые скважины не утеплили?")
add(O, "own", "place", "Where did Ted Cruz fly to?", "Куда улетел Тед Круз?",
    ["boarding a flight to Cancún, Mexico"])
add(O, "trap", "number", "How many people were taken to hospital with carbon monoxide poisoning?",
    "Сколько людей попали в больницу с отравлением угарным газом?")
add(O, "yesno", "yesno", "Did wind turbines freeze as well?", "Ветряки тоже замёрзли?",
    ["Natural gas wells and pipelines froze, wind turbines iced up"])
add(O, "trap", "person", "What was the name of the grandmother who died in the Sugar Land fire?",
    "Как звали бабушку, погибшую при пожаре в Шугар-Ленде?")
add(O, "yesno", "yesno", "Is Texas hooked up to the national grid?",
    "Техас подключён к общей энергосети США?",
    ["the only state in the mainland US that runs its own grid"])
add(O, "trap", "date", "When did the second reactor at the South Texas Project go offline?",
    "Когда отключился второй реактор на South Texas Project?")
add(O, "typo", "number", "how cold did it get in huston", "какая была темпиратура в хьюстоне",
    ["the temperature fell to minus 10C (14F)"])
add(O, "trap", "number", "How many homes in Austin were left without water?",
    "Сколько домов в Остине осталось без воды?")
add(O, "paraphrase", "reason", "How did some of the victims end up poisoned?",
    "Как люди отравились угарным газом?", ["running cars or generators indoors to keep warm"])
add(O, "trap", "yesno", "Did the federal government send help to Texas?",
    "Федеральное правительство помогло Техасу?")
add(O, "own", "reason", "Why did Cruz say he went to Mexico?", "Чем Круз объяснил поездку в Мексику?",
    ["he had flown there to accompany his daughters"])

# ---------------------------------------------------------------- off-topic
for en, ru, typ in [
    ("What's the weather going to be like in Astana this weekend?", "Какая погода будет в Астане на выходных?", "other"),
    ("Who won the 2022 World Cup final?", "Кто выиграл финал ЧМ-2022?", "person"),
    ("How do you cook beshbarmak?", "Как приготовить бешбармак?", "other"),
    ("When was the Eiffel Tower built?", "Когда построили Эйфелеву башню?", "date"),
    ("What is the capital of Australia?", "Столица Австралии?", "place"),
    ("Who wrote War and Peace?", "Кто написал «Войну и мир»?", "person"),
    ("How many players are on a football team?", "Сколько игроков в футбольной команде?", "number"),
    ("Which phone should I buy this year?", "Какой телефон купить в этом году?", "other"),
    ("When did the Western Roman Empire fall?", "Когда пала Западная Римская империя?", "date"),
    ("How high is Khan Tengri?", "Какая высота у Хан-Тенгри?", "number"),
]:
    add("none", "offtopic", typ, en, ru)

# ---------------------------------------------------------------- Kazakh (EN question -> KK)
KK = [
    ("How many men went to prison for the attack on Almaty city hall?", "Әкімдікті басып алғаны үшін қанша адам сотталды?"),
    ("What was the name of the prosecutor in the case?", "Бұл істегі прокурордың аты-жөні кім?"),
    ("Who got the longest sentence?", "Ең ұзақ мерзімді кім алды?"),
    ("How many people died when the akimat was stormed?", "Әкімдікке шабуыл кезінде қанша адам қаза тапты?"),
    ("wat were they charjed with?", "оларды қандай бапппен айыптады?"),
    ("When did the trial begin?", "Сот процесі қашан басталды?"),
    ("How much compensation were the men ordered to pay?", "Оларға қанша өтемақы төлеуді міндеттеді?"),
    ("How many children does Abdikarimov have?", "Әбдікәрімовтің неше баласы бар?"),
    ("What did Suleimenov's mother shout in court?", "Сүлейменовтің анасы сот залында не деп айқайлады?"),
    ("In which town did the protests begin?", "Наразылық қай қаладан басталды?"),
    ("Who replaced Askar Mamin as prime minister?", "Асқар Маминнің орнына кім премьер болды?"),
    ("Which prime minister resigned?", "Қай премьер-министр отставкаға кетті?"),
    ("How many people were killed in Almaty?", "Алматының өзінде қанша адам өлді?"),
    ("What does CSTO stand for?", "ҰҚШҰ деген не?"),
    ("What sentence did Masimov get?", "Мәсімовке неше жыл берді?"),
    ("What is the official death toll?", "Ресми дерек бойынша қанша адам қаза тапты?"),
    ("When was Masimov arrested?", "Мәсімов қашан қамауға алынды?"),
    ("wat percent did tokaev get in the electon", "тоқаев сайлауда неше пайз алды"),
    ("How many customers lost power at the worst point?", "Ең қиын сәтте қанша тұтынушы жарықсыз қалды?"),
    ("How many people died in Houston?", "Хьюстонда қанша адам қаза болды?"),
    ("Who is the head of Ercot?", "Ercot басшысы кім?"),
    ("What was the lowest temperature in Dallas?", "Далласта ең төменгі температура қанша болды?"),
    ("How many Texans were told to boil their water?", "Қанша техастыққа суды қайнатып ішуді тапсырды?"),
    ("how many ppl died in the storm so far", "дауылдан қанша адам олді"),
    ("Where did Ted Cruz fly to?", "Тед Круз қайда ұшып кетті?"),
]

# ---------------------------------------------------------------- conversations
# (turns_en, turns_ru, expect, article)
CONV = [
    # court
    (["Who got the longest sentence in the akimat trial?", "how old is he?"],
     ["Кому дали самый большой срок по делу акимата?", "а сколько ему лет?"],
     ["to Yerlan Suleimenov, a 34-year-old taxi driver"], C),
    (["Who was the judge in the Almaty akimat case?", "what did she base the verdict on?"],
     ["Кто судья по делу об алматинском акимате?", "на чём она основала приговор?"],
     ["footage from 14 CCTV cameras"], C),
    (["Who is Marat Abdikarimov?", "how long did he get?"],
     ["Кто такой Марат Абдикаримов?", "сколько ему дали?"],
     ["received 11 years for taking part in the riot"], C),
    (["What was Suleimenov accused of?", "what did he say in his defence?"],
     ["В чём обвиняли Сулейменова?", "а что он сам говорил в свою защиту?"],
     ["on the final day of the trial, denied organising anything",
      "I did not set fire to anything"], C),
    (["Who is Zhanar Balgabayeva?", "what is she going to do now?"],
     ["Кто такая Жанар Балгабаева?", "и что она теперь собирается делать?"],
     ["she would lodge an appeal with the Almaty city court"], C),
    (["Which police officer gave evidence about the day the akimat was stormed?",
      "how many officers were there with him?"],
     ["Какой полицейский давал показания про день штурма акимата?", "сколько там было полицейских вместе с ним?"],
     ["There were hundreds of them and about 40 of us"], C),
    (["How much were the defendants ordered to pay?", "to whom?"],
     ["Сколько подсудимых обязали выплатить?", "кому?"],
     ["to the city administration to cover the cost of repairing the building"], C),
    (["Who said at the trial that he had been tortured?", "what was the name of the officer he blamed?"],
     ["Кто на суде заявил о пытках?", "а как звали полицейского, на которого он указал?"], N, C),
    (["What sentence did the prosecution want for Suleimenov?", "and for the others?"],
     ["Сколько прокурор просил для Сулейменова?", "а для остальных?"], N, C),
    (["Who is Nurlan Tasbolatov?", "was he hurt that day?"],
     ["Кто такой Нурлан Тасболатов?", "он сам пострадал в тот день?"], N, C),
    # Q&A explainer
    (["Who commanded the CSTO force?", "which country is he from?"],
     ["Кто командовал силами ОДКБ?", "он из какой страны?"],
     ["the Russian general Andrei Serdyukov"], A),
    (["Who was prime minister when the unrest began?", "what happened to him?"],
     ["Кто был премьером, когда начались беспорядки?", "и что с ним стало?"],
     ["resignation of prime minister Askar Mamin"], A),
    (["Who is Karim Masimov?", "when was he arrested?"],
     ["Кто такой Карим Масимов?", "когда его арестовали?"],
     ["arrested on 6 January on suspicion of high treason"], A),
    (["Where did the protests start?", "what happened there in 2011?"],
     ["Где начались протесты?", "а что там было в 2011?"],
     ["police opened fire on striking oil workers there"], A),
    (["How many people died in the January events?", "how many of them were police?"],
     ["Сколько людей погибло в январских событиях?", "сколько из них силовиков?"],
     ["238 people were killed, including 19 police officers"], A),
    (["When was the constitutional referendum?", "what did it change?"],
     ["Когда был референдум по конституции?", "и что он поменял?"],
     ["voters approved changes to a third of the constitution",
      "the removal of Nazarbayev's special status as Elbasy"], A),
    (["What is the CSTO?", "which countries are in it?"],
     ["Что такое ОДКБ?", "какие страны туда входят?"],
     ["also includes Armenia, Belarus, Kyrgyzstan and Tajikistan"], A),
    (["Who took over the Security Council from Nazarbayev?", "when was he born?"],
     ["Кто возглавил Совбез вместо Назарбаева?", "а он какого года рождения?"], N, A),
    (["How many troops did the CSTO send?", "how many of them were Russian?"],
     ["Сколько военных прислала ОДКБ?", "а сколько из них россиян?"], N, A),
    (["Who is Samat Abish?", "where is he now?"],
     ["Кто такой Самат Абиш?", "где он сейчас?"], N, A),
    # Texas
    (["Who runs the Texas power grid?", "who is its boss?"],
     ["Кто управляет энергосетью Техаса?", "а кто там главный?"],
     ["Bill Magness, Ercot's chief executive"], O),
    (["Where did Ted Cruz go during the blackout?", "why?"],
     ["Куда Тед Круз уехал во время блэкаута?", "зачем?"],
     ["he had flown there to accompany his daughters"], O),
    (["How many people died in the Texas freeze?", "what killed some of them?"],
     ["Сколько людей погибло из-за морозов в Техасе?", "от чего некоторые умерли?"],
     ["died of carbon monoxide poisoning after running cars or generators"], O),
    (["How cold did it get in Houston?", "when was it last that cold?"],
     ["Насколько холодно было в Хьюстоне?", "а когда последний раз так было?"],
     ["the lowest reading there since 1989"], O),
    (["Which nuclear plant had a problem during the storm?", "where is it?"],
     ["На какой АЭС были проблемы во время шторма?", "а где она находится?"],
     ["South Texas Project nuclear plant near Bay City"], O),
    (["Who is Rosa Martínez?", "where did she sleep?"],
     ["Кто такая Роза Мартинес?", "где она ночевала?"],
     ["had spent two nights in her car"], O),
    (["What did Governor Abbott order on Wednesday?", "did the neighbouring states complain?"],
     ["Что губернатор Эбботт приказал в среду?", "соседние штаты возмутились?"], N, O),
    (["How many people were told to boil their tap water?", "and in Houston?"],
     ["Скольким людям сказали кипятить воду из-под крана?", "а в Хьюстоне?"], N, O),
    (["Who is Bill Magness?", "how long has he had the job?"],
     ["Кто такой Билл Магнесс?", "и давно он на этой должности?"], N, O),
    (["What happened to wholesale electricity prices?", "how much did an average household end up paying?"],
     ["Что было с оптовыми ценами на электричество?", "сколько в итоге заплатила средняя семья?"], N, O),
]

# ---------------------------------------------------------------- writers
def s(x):
    return json.dumps(x, ensure_ascii=False)

def exp(e):
    return "none" if e is None else "[" + ", ".join(s(p) for p in e) + "]"

SECTION = {C: "# --- tune10_court: court report on the Almaty akimat riot trial ---",
           A: "# --- tune10_qa: question-and-answer explainer on the January events ---",
           O: "# --- tune10_other: news report on the February 2021 Texas power crisis ---",
           "none": "# --- off-topic (no article) ---"}

HEAD = """# expect: phrases copied verbatim from the one body sentence that answers the question
#         (alternatives: any one counts), or `none` if no article answers.
# kind:   own | paraphrase | terse | typo | yesno | trap | offtopic
# type:   number | date | person | place | definition | reason | yesno | quote | other
# Offtopic items have `article: none`.
"""

def item(q, text):
    return ("  - {q: %s, expect: %s, article: %s, kind: %s, type: %s}"
            % (s(text), exp(q["expect"]), q["article"], q["kind"], q["type"]))

def write_questions(fname, header, key):
    out = [header + HEAD.rstrip("\n"), "questions:"]
    last = None
    for q in Q:
        if q["article"] != last:
            out.append("  " + SECTION[q["article"]])
            last = q["article"]
        out.append(item(q, q[key]))
    open(os.path.join(HERE, fname), "w", encoding="utf-8").write("\n".join(out) + "\n")

write_questions("questions.yaml",
                "# TUNE10 part of the QA bank: questions about the articles in corpus/.\n", "en")
write_questions("questions_ru.yaml",
                "# TUNE10 part of the QA bank (Russian questions): the items of questions.yaml, same order,\n"
                "# same expect/article/kind/type, asked as a Russian-speaking Kazakhstani user would.\n", "ru")

idx = {q["en"]: i for i, q in enumerate(Q)}
out = ["# TUNE10 part of the QA bank (Kazakh questions): 25 items of questions.yaml asked in Kazakh.",
       "# Each item is preceded by the number (1-based) and text of the English item it renders;",
       "# expect/article/kind/type are copied from that item.", "questions:"]
for en, kk in KK:
    i = idx[en]
    out.append("  # EN #%d: %s" % (i + 1, en))
    out.append(item(Q[i], kk))
open(os.path.join(HERE, "questions_kk.yaml"), "w", encoding="utf-8").write("\n".join(out) + "\n")

def write_conv(fname, header, ti):
    out = [header, "conversations:"]
    last = None
    for c in CONV:
        if c[3] != last:
            out.append("  # --- %s ---" % c[3])
            last = c[3]
        out.append("  - turns: [%s]" % ", ".join(s(t) for t in c[ti]))
        out.append("    expect: %s" % exp(c[2]))
        out.append("    article: %s" % c[3])
    open(os.path.join(HERE, fname), "w", encoding="utf-8").write("\n".join(out) + "\n")

write_conv("conversations.yaml",
           "# TUNE10 two-turn conversations: expect is for the second turn as understood in context\n"
           "# (verbatim phrases from one body sentence of the article), or none.", 0)
write_conv("conversations_ru.yaml",
           "# TUNE10 two-turn conversations (Russian): same order and expect/article as conversations.yaml.", 1)
print("wrote", len(Q), "questions,", len(KK), "kk,", len(CONV), "conversations")
