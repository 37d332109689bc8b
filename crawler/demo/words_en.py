"""English health vocabulary and sentence patterns for the keepto-like and WordPress pages.

Patterns never put "{cond} and {sym}" or "{cond} in {group}" side by side and never open with
the words titles open with, so a body sentence cannot reproduce another article's title.
"""
from __future__ import annotations

from .textgen import compile_all

POOLS: dict[str, tuple[str, ...]] = {
    "cond": (
        "lumbar disc herniation", "gout", "migraine", "type 2 diabetes", "high blood pressure",
        "acid reflux", "eczema", "psoriasis", "asthma", "osteoporosis", "anemia", "insomnia",
        "kidney stones", "gallstones", "hypothyroidism", "rheumatoid arthritis",
        "knee osteoarthritis", "plantar fasciitis", "tennis elbow", "carpal tunnel syndrome",
        "cervical spondylosis", "sciatica", "irritable bowel syndrome", "gastritis",
        "peptic ulcer", "fatty liver disease", "hepatitis B", "chronic bronchitis", "sinusitis",
        "tonsillitis", "conjunctivitis", "myopia", "glaucoma", "cataracts", "tinnitus",
        "Ménière's disease", "Sjögren's syndrome", "shingles", "acne", "rosacea", "dandruff",
        "hair loss", "varicose veins", "hemorrhoids", "urinary tract infection", "prostatitis",
        "polycystic ovary syndrome", "menstrual cramps", "anxiety", "depression",
        "coronary heart disease", "atrial fibrillation", "high cholesterol", "obesity",
        "vitamin D deficiency", "iron deficiency", "hay fever", "influenza", "periodontitis",
        "tooth sensitivity", "mouth ulcers", "bad breath", "frozen shoulder", "ankle sprain",
        "heel spurs", "scoliosis", "chronic fatigue", "dry eye", "thyroid nodules",
        "esophageal cancer", "skin cancer", "colon polyps", "constipation", "chronic cough",
        "lactose intolerance", "sleep apnea", "restless legs syndrome", "bursitis",
    ),
    "sym": (
        "leg weakness", "lower back pain", "numbness in the legs", "joint pain",
        "morning stiffness", "frequent headaches", "dizziness", "blurred vision", "fatigue",
        "shortness of breath", "chest tightness", "heartburn", "bloating", "nausea",
        "itchy skin", "dry skin", "thinning hair", "night sweats", "frequent urination",
        "swollen ankles", "muscle cramps", "poor sleep", "ringing in the ears", "a dry mouth",
        "a persistent cough", "loss of appetite", "weight gain", "cold hands and feet",
        "heart palpitations", "stomach pain", "neck stiffness", "shoulder pain", "knee swelling",
        "white spots on the nails", "café au lait spots", "bleeding gums", "hoarseness",
        "red eyes", "a runny nose", "heel pain", "wrist pain", "tingling fingers",
    ),
    "cause": (
        "poor sitting posture", "long hours at a desk", "a diet high in salt", "lack of sleep",
        "chronic stress", "smoking", "heavy drinking", "a lack of exercise", "being overweight",
        "a family history of the disease", "hormonal changes", "a weak immune system",
        "repeated strain", "an old injury", "dehydration", "ageing", "air pollution",
        "a diet low in fibre", "too much sugar", "irregular meals",
    ),
    "treat": (
        "physical therapy", "massage", "anti-inflammatory medicine", "acupuncture",
        "a change of diet", "regular stretching", "minimally invasive surgery", "hot compresses",
        "a short course of antibiotics", "prescription eye drops", "cognitive behavioural therapy",
        "weight management", "a supportive brace", "low-impact exercise", "breathing exercises",
        "topical creams", "traction therapy", "vitamin supplements",
    ),
    "habit": (
        "keeping a regular sleep schedule", "walking for thirty minutes a day",
        "drinking enough water", "eating smaller meals", "limiting salt",
        "stretching every morning", "taking breaks from the screen", "quitting smoking",
        "keeping a food diary", "standing up every hour", "wearing comfortable shoes",
        "avoiding late-night snacks", "keeping the room well ventilated",
        "doing light strength training",
    ),
    "food": (
        "oats", "broccoli", "apples", "bananas", "spinach", "salmon", "walnuts", "yogurt",
        "green tea", "lentils", "blueberries", "sweet potatoes", "eggs", "ginger", "tofu",
        "carrots", "brown rice", "pumpkin seeds",
    ),
    "badfood": (
        "fried food", "sugary drinks", "processed meat", "salty snacks", "alcohol", "white bread",
        "spicy hotpot", "pastries",
    ),
    "group": (
        "office workers", "older adults", "pregnant women", "teenagers", "children",
        "people over fifty", "athletes", "new mothers", "night-shift workers", "students",
        "people with diabetes", "smokers",
    ),
    "part": (
        "lower back", "knees", "neck", "shoulders", "stomach", "liver", "heart", "skin", "eyes",
        "joints", "lungs", "kidneys", "feet", "wrists", "spine", "gums",
    ),
    "test": (
        "an MRI scan", "a blood test", "an ultrasound", "an X-ray", "a urine test",
        "an eye examination", "a skin biopsy", "an endoscopy", "a bone density scan",
    ),
    "num": ("two", "three", "four", "six", "eight"),
    "pct": ("20", "25", "30", "35", "40", "50"),
    "n": ("3", "5", "6", "7", "8", "10", "12"),
}

# First sentences are long (>= 50 characters): keepto teasers show the first 49 characters
# of the first paragraph, and a cut inside the first sentence never ends on a full stop.
OPENINGS = compile_all((
    ("In life, many of our friends will experience {sym}, and in many cases the cause turns out"
     " to be {cond}."),
    ("{Cond} is one of the more common health problems, and it often starts with {sym} that is"
     " easy to ignore."),
    ("Many people do not realize that {sym} can be an early warning sign of a problem with the"
     " {part}."),
    ("In recent years, the number of patients with {cond} has gradually risen, especially among"
     " {group}."),
    ("When it comes to {cond}, most people first notice {sym} and only later seek medical"
     " advice."),
    "There are many reasons for {sym}, but doctors say {cond} is one of the most overlooked.",
    ("Most people will have some trouble with the {part} at some point, and {cond} is a frequent"
     " reason."),
))

SENTENCES = compile_all((
    "Patients with {cond} often report {sym} and {sym2}.",
    "The main cause is usually {cause}, although {cause2} also plays a role.",
    "Doctors recommend {treat} for most patients, combined with {habit}.",
    "If you feel {sym}, or notice {sym2}, you should go to the hospital for a prompt check-up.",
    "It is recommended that {group} pay attention to {habit}.",
    "Studies have shown that {habit} can reduce the risk by about {pct}%.",
    "Eating more {food} and less {badfood} is also helpful.",
    "The condition mainly affects the {part}, so {sym} is often the first complaint.",
    "Under the influence of {cause}, symptoms such as {sym} and {sym2} may appear.",
    "After being diagnosed, you should receive timely treatment, such as {treat}.",
    "In most cases, {treat} can relieve the symptoms, but it takes patience.",
    "Experts point out that {cause} is closely related to this condition.",
    "Be sure to pay attention to the combination of work and rest.",
    "Do not sit for a long time, move around regularly, and avoid heavy physical work.",
    "For {group}, regular check-ups are especially important.",
    "A simple test, such as {test}, can clearly show what is going on.",
    "Some patients feel better within {num} weeks, while others need several months.",
    "Everyone must develop good living habits in daily life and strengthen exercise.",
    "Ignoring {sym} for too long may lead to more serious problems later.",
    "In the early stage, {sym} may come and go, which makes it easy to overlook.",
    "Keeping a healthy weight takes pressure off the {part}.",
    "Drinking enough water and getting {num} more hours of rest also help the body recover.",
    "Smoking and heavy drinking make the symptoms worse and slow down recovery.",
    "Many patients find that {treat} works best when combined with {treat2}.",
    "The discomfort it brings to patients is hard to put into words.",
    "Mild cases can often be managed at home by {habit}.",
    "Through {test}, the doctor can check for damage to the {part}.",
    "People who already have {cond2} should be especially careful.",
    "According to one survey, about {pct}% of {group} have experienced {sym} at least once.",
))

NOTE_SENTENCES = compile_all((
    "When you experience {sym}, you should pay close attention to it.",
    "This symptom is most likely caused by {cause}, so you must check and treat it in time.",
    "Do not take medicine on your own without asking a doctor first.",
    "If the pain lasts more than {num} days, see a doctor as soon as possible.",
))

KEEPTO_TITLES = compile_all((
    "{Cond} and {sym}", "What causes {sym}?", "What are the causes of {cond}",
    "How to relieve {sym}", "Can {cond} be cured?", "Early signs of {cond}",
    "Risk factors for {cond}", "What to eat with {cond}", "Is {sym} a sign of {cond}?",
    "How to prevent {cond}", "Minimally invasive treatment for {cond}",
    "What are the nursing methods for {cond}", "Should I worry about {sym}?",
    "{Cond} in {group}", "Why does {sym} get worse at night?", "Home care for {cond}",
    "How long does {cond} take to heal?", "Can {food} help with {cond}?",
    "Exercises for {cond}", "The difference between {cond} and {cond2}",
))

WP_TITLES = compile_all((
    "{n} Ways to Ease {Sym}", "{n} Foods That May Help With {Cond}",
    "What I Wish I Knew About {Cond}", "A Beginner's Guide to Living With {Cond}",
    "{Cond}: Symptoms, Causes and Treatment", "{Food} for {Cond}: What Research Says",
    "How Sleep Affects {Cond}", "{n} Myths About {Cond}, Debunked",
    "When {Sym} Means You Should See a Doctor", "Morning Habits That Help With {Cond}",
    "Exercise and {Cond}: A Practical Plan", "Understanding {Cond} in {Group}",
    "Why {Sym} Happens and What Helps", "{n} Ways to Ease {Sym} When You Have {Cond}",
    "{Cond} and {Sym}: What Helps", "How {Food} May Help With {Sym}",
    "{Cond} in {Group}: What to Know", "Can {Cond} Cause {Sym}? A Doctor Explains",
    "What {Group} Should Know About {Cond}", "{Sym} After {Cond}: When to Worry",
))

WP_HEADINGS = (
    "Common symptoms", "What causes it?", "Who is at risk", "Treatment options",
    "Lifestyle changes that help", "When to see a doctor", "Prevention tips", "The bottom line",
    "How it is diagnosed", "Questions to ask your doctor",
)

LIST_ITEMS = compile_all((
    "{Habit}.", "Add more {food} to your meals.", "Cut back on {badfood}.",
    "Ask your doctor about {treat}.", "Watch for {sym} and write it down.",
))

EXCERPTS = compile_all((
    "Learn how {cond} affects daily life and what you can do about it.",
    "A practical look at {sym}, its causes and the treatments that work.",
    "Our editors explain the latest advice on {cond} in plain language.",
))

SMALL_WORDS = frozenset("a an and as at but by for in of on or the to with".split())


def title_case(text: str) -> str:
    """'high blood pressure' -> 'High Blood Pressure' (not str.title: "Ménière's" stays)."""
    words = text.split(" ")
    return " ".join(
        w if (i and w in SMALL_WORDS) or not w[:1].isalpha() else w[0].upper() + w[1:]
        for i, w in enumerate(words)
    )


TITLE_POOLS = {key: tuple(title_case(v) for v in values) for key, values in POOLS.items()}
