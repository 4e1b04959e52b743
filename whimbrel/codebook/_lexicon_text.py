"""The trigger lexicon as data: words that name events in news English.

Written as a small text table and parsed once at import into frozen
:class:`~whimbrel.codebook.TriggerSense` records by :mod:`whimbrel.codebook.lexicon`,
which holds the lookups.

Syntax, one block per (type, mode)::

    TYPE [mode]
    V: lemma, lemma particle, lemma +obj/obj, lemma particle +obj ~weight
    N: lemma, lemma +modifier/modifier ~weight

* ``V`` lines are verbs, ``N`` lines nouns; entries are comma-separated.
* The first word is the lemma.  A bare second word on a verb is its particle or
  preposition ("call on", "crack down", "pull out").
* ``+a/b`` lists object lemmas for light verbs ("carry out +attack/raid"): the
  verb names the event only with one of these objects.  On a noun, ``+a/b`` lists
  modifiers that must be present ("strike +hunger" is "hunger strike",
  "bomb +car" is "car bomb").
* ``~w`` is the weight (default 1.0): how strongly the word alone signals this
  sense.  Ambiguous words get several senses with lower weights; the extractor
  picks by context.
"""

from __future__ import annotations

LEXICON_TEXT = """
ASSAULT
V: attack, assault, kill, murder, slay, massacre, slaughter, ambush, raid, storm, strike ~0.6, hit ~0.4, target ~0.5, clash, fight ~0.7, battle, wound ~0.8, injure ~0.7, maim, butcher, mutilate, lynch, overrun, besiege, invade, capture ~0.5, recapture ~0.7, retake ~0.6, seize ~0.3, carry out +attack/raid/assault/ambush/massacre/killing, launch +attack/assault/offensive/raid/incursion/operation, mount +attack/assault/offensive/raid, stage +attack/raid/ambush, come under +attack/fire, engage ~0.4, repel ~0.6, retaliate ~0.6, kill off, wipe out, mow down, cut down ~0.4, die ~0.3, go off +bomb/device/explosive/mine ~0.9, bring down +plane/aircraft/jet/helicopter/drone ~0.8, violate +ceasefire/truce ~0.6, fire +shot/shots/round/rounds ~0.7, regain +control ~0.8, wrest +control ~0.8, reclaim ~0.5, liberate ~0.5, take +control ~0.7, seize +control ~0.8, take over +town/city/village/district/base/airport/area/region/post ~0.6, exchange +fire/gunfire/shot/shots/blow/blows/strike/strikes/salvo/salvos/rocket/rockets/shell/shells/missile/missiles ~0.8, trade +fire/gunfire/shot/shots/blow/blows/strike/strikes/salvo/salvos ~0.8
N: attack, assault, strike +weapon/weapons/military/retaliatory/punitive/pre-emptive/preemptive/deadly, recapture ~0.7, killing, murder, massacre, slaughter, ambush, raid, clash, fighting, battle, combat, violence ~0.4, offensive, incursion, invasion, siege, hostilities, skirmish, firefight, onslaught, bloodshed, carnage, atrocity, casualty ~0.4, death ~0.4, wound ~0.4, injury ~0.4, homicide, slaying, genocide, pogrom, cleansing +ethnic, ethnic-cleansing, war ~0.5, insurgency ~0.5, operation ~0.3, assault +military/ground, conflict ~0.4, death +violent ~0.6, firearm ~0.4, violation +ceasefire/truce ~0.6, hostility ~0.5, militancy ~0.3
ASSAULT firearms
V: shoot, gun, gun down, shoot dead, fire ~0.4, fire in +air/sky ~0.7, fire on, fire at, fire into, fire upon, open +fire, spray +bullet/gunfire, snipe, pick off
N: shooting, gunfire, shootout, gunbattle, gunfight, sniper ~0.6, shooting +mass, fire +gun/small-arms/automatic/machine-gun/sniper/heavy ~0.8, bullet ~0.5, gunshot
ASSAULT explosives
V: bomb, blow up, explode, detonate, blast, set off +bomb/device/explosive, plant +bomb/device/explosive/mine ~0.7, booby-trap, mine ~0.5, lob +grenade, throw +grenade/bomb, hurl +grenade/bomb, go off ~0.7
N: bombing, bomb, blast, explosion, detonation, ied, landmine, mine ~0.5, grenade, explosive ~0.7, device +explosive/improvised, bomb +car/roadside/truck/parcel/letter/pipe/nail/sticky, car-bomb, roadside-bomb
ASSAULT suicide-attack
V: blow up +himself/herself/themselves ~0.9
N: bomber +suicide, bombing +suicide, attack +suicide, bomb +suicide, vest +suicide/explosive, suicide ~0.4, bomber ~0.6
ASSAULT heavy-weapons
V: shell, bombard, pound, fire +rocket/missile/mortar/shell/artillery, launch +rocket/missile/mortar, rocket ~0.7, barrage ~0.6
N: shelling, bombardment, artillery, mortar, rocket, missile, shell ~0.5, barrage, salvo, strike +missile/artillery/rocket, fire +artillery/mortar/rocket/tank, tank ~0.3, katyusha
ASSAULT aerial
V: airstrike, air-strike, strafe, shoot down ~0.7, drop +bomb/bombs/barrel/barrels/canister/canisters/munition/munitions/explosive/explosives/payload ~0.8, launch +airstrike/strike/drone, carry out +airstrike/strike/sortie, conduct +airstrike/strike/raid/sortie, strike ~0.3
N: airstrike, air-strike, strike +air/drone/aerial/israeli/american/russian/coalition/precision, raid +air, bombing +aerial/air/carpet, drone ~0.4, warplane ~0.6, sortie, helicopter ~0.3, barrel-bomb, bomb +barrel/cluster
ASSAULT abduct
V: abduct, kidnap, hijack, snatch ~0.6, take away +journalist/activist/man/woman/boy/girl/son/daughter/husband/wife/student/resident/villager/he/him/she/her/they/them ~0.7, take +hostage/captive, hold +hostage/captive, seize +hostage ~0.8, disappear ~0.4, carry off ~0.5
N: abduction, kidnapping, kidnap, hijacking, hostage, hostage-taking, captive ~0.6, disappearance +forced/enforced
ASSAULT beat
V: beat, batter, assault ~0.5, set upon ~0.8, punch, kick, whip, flog, lash, club, bludgeon, manhandle
N: beating, lashing, flogging
ASSAULT torture
V: torture, torment, abuse ~0.5, mistreat ~0.5
N: torture, abuse ~0.4, mistreatment ~0.5
ASSAULT sexual
V: rape, molest
N: rape, assault +sexual, violence +sexual/gender-based, abuse +sexual, slavery +sexual
ASSAULT assassinate
V: assassinate, kill +leader ~0.5, eliminate ~0.5
N: assassination, killing +targeted, attempt +assassination
ASSAULT execute
V: execute, behead, decapitate, hang ~0.5, crucify
N: execution, beheading, hanging ~0.5, squad +firing
ASSAULT primitive
V: stab, hack, slash, knife, stone, machete, burn alive ~0.9, torch ~0.5, set +fire/ablaze ~0.7, firebomb
N: stabbing, knife ~0.5, machete, stoning, arson ~0.6, attack +knife/machete/arson/acid
ASSAULT destroy
V: destroy, demolish, raze, burn ~0.6, torch, bulldoze, vandalize, loot, plunder, ransack, pillage, damage ~0.6, set +fire ~0.8, burn down, flatten, tear down ~0.6, shatter ~0.4, wreck ~0.6, blow up +building/bridge/house/home/pipeline/mosque/church ~0.9
N: destruction, demolition, arson, looting, vandalism, sabotage, pillage, damage ~0.4, fire ~0.3
COERCE
V: coerce, repress, suppress, crack down, clamp down, persecute, harass, intimidate, silence ~0.6, punish ~0.5, oppress, disperse ~0.6, break up ~0.6, tear-gas, teargas, defuse ~0.9, intercept ~0.7, shoot down +drone/drones/missile/missiles/rocket/rockets ~0.8, foil ~0.6, thwart ~0.6
N: crackdown, repression, suppression, persecution, harassment, intimidation, clampdown, purge, coercion ~0.7, cyberattack, cyber-attack, attack +cyber/hacking, hacking ~0.6
V: hack into, deface +website/site/page
COERCE arrest
V: arrest, detain, imprison, jail, apprehend, nab, round up, capture ~0.5, hold ~0.4, take into +custody, lock up, incarcerate, intern, sentence, charge ~0.5, indict ~0.5, put on +trial ~0.4, remand, seize ~0.3, pick up ~0.3, raid ~0.3, bust ~0.5, hunt ~0.3, search ~0.2
N: arrest, detention, imprisonment, custody, internment, incarceration, sentence ~0.6, roundup, raid ~0.3, prisoner ~0.3, detainee ~0.3, warrant ~0.5, manhunt ~0.4, hunt ~0.3
COERCE deport
V: deport, expel ~0.7, extradite ~0.4, banish, exile, repatriate ~0.4, expel +migrant/refugee/national/foreigner/journalist
N: deportation, expulsion ~0.6, exile, extradition ~0.4, removal ~0.3
COERCE ban
V: ban, outlaw, proscribe, prohibit, blacklist ~0.6, disqualify ~0.5, bar ~0.7, dissolve ~0.5
N: ban, prohibition, proscription
COERCE censor
V: censor, block +website/access/internet/media/newspaper/channel/broadcast, suspend +internet/access/network/broadcast/broadcasts/transmission ~0.8, shut down +newspaper/station/channel/website/media, gag
N: censorship, blackout +media/news, shutdown +internet, gag +order
COERCE curfew
V: impose +curfew, declare +curfew, enforce +curfew, extend +curfew
N: curfew
COERCE martial-law
V: declare +emergency/martial-law/law/siege, impose +emergency/martial-law/law/siege
N: martial-law, law +martial, state +emergency/siege ~0.8
COERCE restrict
V: restrict, blockade, besiege ~0.4, lock down, cordon off, seal off, close +border/crossing/road, impose +restriction/lockdown/blockade, block ~0.5, curb ~0.7, prevent +demonstration/protest/rally/march/meeting/gathering ~0.9, deny +entry/access/visa ~0.6
N: blockade, restriction, lockdown, closure ~0.5, checkpoint ~0.3, siege ~0.4
COERCE confiscate
V: confiscate, seize, impound, expropriate, nationalize, requisition, commandeer, annex, occupy, grab ~0.5, freeze +asset/account/fund ~0.6
N: confiscation, seizure, expropriation, annexation, occupation, nationalization
COERCE withhold
V: cut off +power/electricity/water/internet/supply/aid/food, shut off +power/electricity/water/internet, withhold ~0.6, starve ~0.6
N: shutdown +power/internet/communication, outage ~0.3
PROTEST
V: chant ~0.5, gather ~0.3, petition ~0.4
N: unrest ~0.6, dissent ~0.5, uprising ~0.6, movement +protest
PROTEST demo
V: protest, demonstrate, rally, march, picket, occupy ~0.3, take to +street/streets, stage +protest/demonstration/rally/march/sit-in/walkout, hold +protest/demonstration/rally/vigil/march/sit-in, take +street ~0.6, collect +signature/signatures ~0.5
N: protest, demonstration, rally, march, protester, demonstrator, sit-in, picket, vigil ~0.5
PROTEST riot
V: riot, rampage, clash +protester/police ~0.6, torch ~0.3, loot ~0.4, throw +stone/stones/rock/rocks/molotov/cocktail/petrol-bomb/firebomb ~0.8, hurl +stone/stones/rock/rocks/molotov/cocktail ~0.8, pelt ~0.7
N: riot, rioting, rioter, unrest +violent, clash +protester/demonstrator/police/sectarian, protest +violent, mob ~0.6, stone-throwing
PROTEST strike-gen
V: go on +strike ~0.7, strike ~0.4, walk out, down +tool/tools
N: strike +general/nationwide/national/labour/labor/workers, stoppage, walkout, shutdown +general, hartal, bandh
PROTEST strike-lim
V: strike ~0.4, go on +strike, walk off +job
N: strike ~0.5, strike +union/teachers/doctors/miners/transport/workers, industrial-action, action +industrial
PROTEST strike-hun
V: fast ~0.5, refuse +food
N: strike +hunger, hunger-strike, fast ~0.4
PROTEST boycott
V: boycott, shun ~0.5, stay away ~0.4
N: boycott
PROTEST obstruct
V: block +road/roads/highway/street/streets/entrance/access/bridge/railway/traffic/transport, barricade, blockade ~0.6, obstruct, occupy +building/square/office/parliament
N: blockade ~0.6, roadblock, barricade, occupation ~0.4
SANCTION
V: sanction, penalize, punish ~0.5, downgrade +relation/relations/tie/ties, suspend +aid/membership/relation/tie/talk/cooperation/assistance, cut +aid/tie/ties/relation/relations/funding/assistance, reduce +aid/tie/relation, halt +aid/talk/negotiation/cooperation
N: sanction, sanctions, penalty ~0.4, suspension +link/links/tie/ties/relation/relations/aid/membership/cooperation ~0.8
SANCTION embargo
V: embargo, impose +sanction/sanctions/embargo/tariff/ban/boycott, slap +sanction/sanctions/tariff, blacklist ~0.5, freeze +asset/assets/account/fund ~0.8, tighten +sanction/sanctions
N: embargo, sanction +economic/financial/new/fresh/international/western/targeted, tariff ~0.4, blacklist ~0.5, asset-freeze
SANCTION sever
V: sever +tie/ties/relation/relations, break +tie/ties/relation/relations, break off +tie/ties/relation/relations/talk/talks, cut +tie/ties/relation/relations, suspend +relation/relations/tie/ties/trade/flight, recall +ambassador/envoy/diplomat, downgrade +relation/relations/tie/ties
N: rupture +diplomatic, severance
SANCTION expel
V: expel +diplomat/ambassador/envoy/observer/monitor/mission/agency/ngo/staff/inspector/inspectors/peacekeeper/peacekeepers, oust ~0.4, suspend +member/membership ~0.7, kick out ~0.6, force out ~0.5, deny +entry/visa ~0.6
N: expulsion +diplomat/diplomatic
SANCTION withdraw
V: withdraw +ambassador/envoy/diplomat/aid/observer/monitor/support/funding/mission, pull +aid/funding/support/staff, pull out +staff/mission ~0.6, ship out +peacekeeper/peacekeepers/observer/observers/monitor/monitors/mission/staff/contingent ~0.7, fly out +peacekeeper/peacekeepers/observer/observers/monitor/monitors/staff/contingent ~0.6
N: withdrawal +aid/funding/ambassador/mission
SANCTION cancel
V: cancel +talk/talks/meeting/visit/summit/negotiation, call off +talk/talks/meeting/visit/summit, postpone +talk/talks/visit ~0.5, walk out +talk/talks ~0.7, break off +talk/talks/negotiation, suspend +talk/talks/negotiation/dialogue, end +mediation/talk/talks/negotiation/negotiations ~0.7
N: cancellation +talk/visit/summit
SANCTION convict
V: convict, find +guilty, sentence ~0.4, fine ~0.6, rule against ~0.6
N: conviction, verdict +guilty, fine ~0.4
MOBILIZE
V: mobilize, mobilise, muster, mass +troop/troops/force/forces/tank, amass +troop/troops/force/forces
N: mobilization, mobilisation, buildup, build-up
MOBILIZE troops
V: deploy, send +troop/troops/soldier/soldiers/force/forces/unit ~0.8, dispatch +troop/troops/soldier/force/forces/unit, station, reinforce, build up +force/forces/troop/troops/presence, move +troop/troops/tank/tanks/force/forces/soldier/soldiers/unit/units/reinforcement/reinforcements, call up +reservist/reserve/reserves, mobilize +reservist/reservists/reserve/reserves/troop/troops/army/soldier/soldiers, mobilise +reservist/reservists/reserve/reserves/troop/troops/army, conscript, recruit ~0.5, put +alert ~0.8, place +alert ~0.8, patrol ~0.5, mass ~0.6, amass ~0.7, strengthen +force/forces/presence/defense/defences/defenses/troop/troops ~0.8, bolster +force/forces/presence/troop/troops ~0.8, set up +base/camp/headquarters/outpost/post ~0.8, establish +base/camp/headquarters/outpost/post ~0.8, open +base/outpost ~0.5
N: deployment, reinforcement, troop ~0.4, conscription, exercise +military/naval/war/live-fire ~0.7, drill +military ~0.7, manoeuvre ~0.5, maneuver ~0.5, patrol ~0.5, alert ~0.5, alert +high/military ~0.7, buildup +military/troop/naval, game +war ~0.5, war-game ~0.5
MOBILIZE weapons
V: test +missile/weapon/rocket/bomb/device, test-fire, test-launch, deploy +missile/missiles/weapon/weapons/system/battery, arm ~0.5, stockpile ~0.6, enrich ~0.4
N: test +missile/nuclear/weapon/weapons/ballistic, missile-test, nuclear-test, arms-buildup
MOBILIZE police
V: deploy +police/officer/officers/riot/security, send +police/officer/officers/riot, step up +security/patrol/patrols, tighten +security, heighten +security/alert
N: deployment +police/security, lockdown +security ~0.4, alert +security/terror, security +tight/heightened/beefed-up ~0.4
THREATEN
V: threaten, warn ~0.8, menace, intimidate ~0.5, vow +revenge/retaliation/retaliate ~0.8, issue +ultimatum/warning/threat, brandish ~0.5, caution ~0.4, vow ~0.4, pressure ~0.5, pressurize ~0.5, coerce ~0.4, blackmail ~0.8
N: threat, ultimatum, warning ~0.8, menace, intimidation ~0.4
THREATEN violence
V: threaten +attack/war/force/strike/retaliation/kill/violence/bomb/destroy/shell/bombard/fight/invade/launch/hit/retaliate/offensive/blow, vow +retaliation/revenge/attack, warn +attack/war/retaliation/consequence/consequences/response
N: threat +attack/war/violence/retaliation/death/bomb/terror/nuclear, death-threat
THREATEN restrict
V: threaten +blockade/boycott/embargo/curfew/sanction/sanctions/tariff/closure/restriction/restrictions/impose/institute/close
N: threat +sanction/sanctions/embargo/blockade/boycott/tariff
THREATEN relations
V: threaten +cut/sever/suspend/downgrade/withdraw/halt/quit/leave/stop/end/break/recall/cancel/freeze
N: threat +cut/suspension/withdrawal
THREATEN arrest
V: threaten +arrest/detain/jail/imprison/prosecute/prosecution
N: threat +arrest/prosecution/jail
THREATEN expel
V: threaten +expel/expulsion/deport
THREATEN ban
V: threaten +ban/outlaw/dissolve
THREATEN territory
V: threaten +invade/invasion/annex/occupy/seize
ACCUSE
V: criticize, criticise, condemn, denounce, decry, blast ~0.5, slam ~0.6, rebuke, reprimand, censure, deplore, lambaste, castigate, chide, scold, fault, protest ~0.3, complain, object ~0.6, disapprove, dismiss ~0.4, attack ~0.2
N: criticism, condemnation, denunciation, rebuke, censure, complaint ~0.6, objection
ACCUSE disapprove
V: criticize, criticise, condemn, denounce, decry, deplore, lambaste, castigate, censure, rebuke, reprimand, slam ~0.6, complain, object ~0.6, protest +formally/officially ~0.6, lodge +protest/complaint, summon +ambassador/envoy/diplomat ~0.8
N: condemnation, criticism, rebuke, complaint, protest +formal/diplomatic/official
ACCUSE accuse
V: accuse, blame, allege, charge ~0.5, implicate, hold +responsible, point +finger, incriminate, brand ~0.5, claim ~0.2, attribute ~0.5, trade +accusation/accusations/barb/barbs/insult/insults/blame/charge/charges ~0.8, exchange +accusation/accusations/barb/barbs/insult/insults/blame/charge/charges ~0.8
N: accusation, allegation, blame, charge ~0.4, claim ~0.2
ACCUSE investigate
V: investigate, probe, inquire, examine ~0.4, look into, open +investigation/probe/inquiry/case/hearing, launch +investigation/probe/inquiry, order +investigation/probe/inquiry, review ~0.3, audit ~0.5, send +inspector/inspectors/investigator/investigators/monitor/monitors ~0.6, dispatch +inspector/inspectors/investigator/investigators ~0.6, search ~0.2
N: investigation, probe, inquiry, enquiry, inquest, audit ~0.4
ACCUSE sue
V: sue, prosecute, indict, charge, file +lawsuit/suit/complaint/case/charge/charges, bring +charge/charges/case/lawsuit, take +court ~0.8, press +charge/charges, impeach, try ~0.3, testify ~0.4
N: lawsuit, suit ~0.5, indictment, prosecution, charge ~0.5, trial, impeachment, case +court/legal/criminal ~0.6, litigation, court ~0.3, hearing ~0.4
REJECT
V: reject, refuse, decline, deny ~0.5, rebuff, spurn, dismiss ~0.7, repudiate, oppose ~0.6, veto, block ~0.4, defy, resist ~0.5, snub, turn down, brush off, brush aside, vote down, vote against, disregard ~0.5, ignore ~0.4, rule out, balk ~0.6, boycott +talk/talks/meeting/election ~0.5, renege, violate +ban/law/agreement/accord/resolution/order ~0.6, flout, disobey, breach +agreement/accord ~0.6
N: rejection, refusal, denial ~0.5, veto, defiance, opposition ~0.4, snub, rebuff
REJECT meet
V: refuse +talk/talks/meet/negotiate/dialogue/meeting, reject +talk/talks/offer/proposal/invitation/mediation/dialogue/plan/deal/agreement/ceasefire/truce, rule out +talk/talks/negotiation/dialogue
REJECT yield
V: refuse +release/withdraw/step/resign/surrender/lift/ease, reject +demand/demands/call/calls/ultimatum/request
REJECT change
V: reject +reform/change/resignation/referendum/bill/law/amendment/motion/resolution, vote down +bill/law/motion/resolution
REJECT assist
V: reject +aid/assistance/help/loan/cooperation/extradition/request, refuse +aid/assistance/help/extradite/extradition/cooperate/cooperation/asylum
REQUEST
V: request, ask, urge, appeal, call on, call upon, call for, demand, press ~0.7, plead ~0.4, plead for, plead with, implore, beg ~0.6, petition, seek ~0.6, exhort, insist ~0.6, order ~0.5, instruct ~0.5, summon ~0.4, invite ~0.4, lobby ~0.5, push +for ~0.5, oblige ~0.4, require ~0.3, call ~0.4
N: request, appeal, demand, call ~0.6, plea, petition, ultimatum ~0.3, call +for, invitation ~0.4
REQUEST assist
V: ask +aid/help/assistance/support/loan/troop/troops/weapon/weapons/protection/asylum/cooperation/extradition, request +aid/help/assistance/support/loan/troop/troops/weapon/weapons/protection/asylum/cooperation/extradition, seek +aid/help/assistance/support/loan/protection/asylum/extradition, demand +extradition, appeal +aid/help/assistance/support/donation
N: appeal +aid/humanitarian/donation, request +aid/assistance/help/asylum, application +asylum
REQUEST change
V: demand +resignation/reform/change/election/elections/referendum/step, call for +resignation/reform/change/election/elections/referendum/investigation/inquiry
N: demand +resignation/reform/change/election, call +resignation/reform
REQUEST yield
V: demand +release/withdrawal/ceasefire/end/halt/lifting/return, call for +release/withdrawal/ceasefire/truce/end/halt/lifting/restraint/calm/de-escalation, urge +restraint/calm/de-escalation
N: demand +release/withdrawal/ceasefire, call +ceasefire/truce/release/restraint
REQUEST meet
V: call for +talk/talks/dialogue/negotiation/negotiations/meeting/summit/mediation, invite +talk/talks/dialogue/negotiation, propose +talk/talks/meeting/summit/dialogue
N: call +talk/talks/dialogue/negotiation, invitation +talk/talks/summit
AGREE
V: agree, promise, pledge, vow ~0.6, offer, commit, accept, consent, propose ~0.5, undertake ~0.6, volunteer ~0.5, reach +agreement/deal/accord/consensus/compromise/settlement/understanding/truce/ceasefire, strike +deal/agreement/bargain, broker +deal/agreement/truce/ceasefire, hammer out +deal/agreement, agree on, agree to, settle ~0.6, offer +mediate/mediation/talk/talks/help/aid/assistance ~0.9, accept +mediation/offer/proposal/plan/deal/ceasefire/truce/invitation
N: agreement, deal, accord, pact, treaty, ceasefire ~0.6, truce ~0.6, pledge, promise, offer, commitment, compromise, settlement, understanding ~0.5, memorandum, mou, protocol ~0.4, peace-deal, armistice ~0.6, mediation ~0.4
CONSULT
V: meet, talk, discuss, negotiate, consult, confer, hold +talk/talks/meeting/meetings/discussion/discussions/negotiation/negotiations/consultation/summit/conference/dialogue, hold talks, sit down, convene, parley, mediate ~0.5, host ~0.6, receive ~0.4, welcome ~0.4
N: meeting, talk, talks, negotiation, discussion, consultation, summit, conference ~0.7, dialogue, session ~0.4, round +talk/talks/negotiation, mediation ~0.5
CONSULT visit
V: visit, travel ~0.4, travel to ~0.7, fly ~0.3, arrive ~0.4, tour ~0.6, pay +visit, make +visit
N: visit, trip ~0.7, tour ~0.5, state-visit, mission ~0.3
CONSULT host
V: host, receive ~0.4, welcome ~0.5, receive +delegation/envoy/minister/president/counterpart/ambassador/delegate/visitor/premier/king ~0.8, give +welcome/reception ~0.9, accord +welcome/reception ~0.9, extend +welcome ~0.8
N: host ~0.5, welcome +warm/official/red-carpet ~0.6
CONSULT phone
V: phone, call ~0.6, telephone, speak +phone/telephone ~0.9, hold +call/videoconference/phone ~0.9, speak ~0.4
N: call +phone/telephone/video, phone-call, videoconference, video-call, conversation +phone/telephone
CONSULT multilateral
V: gather ~0.3, convene
N: summit, conference ~0.7, assembly ~0.4, session +summit/plenary/emergency
CONSULT third-party
V: mediate ~0.9
N: mediation ~0.8, talks +proximity/indirect
SUPPORT
V: support, back, endorse, praise, commend, welcome, hail, applaud, congratulate, laud, defend ~0.6, recognize, recognise, approve, ratify, sign ~0.6, sign +agreement/deal/accord/treaty/pact/memorandum/protocol/ceasefire/declaration, thank, salute, champion, stand by, side with, rally behind, express +support/solidarity/backing, voice +support/solidarity, reaffirm +support/commitment, normalize +relation/relations/tie/ties, restore +relation/relations/tie/ties, establish +relation/relations/tie/ties, upgrade +relation/relations/tie/ties, resume +relation/relations/tie/ties, apologize ~0.6, apologise ~0.6, forgive
N: support, backing, endorsement, praise, recognition, approval, ratification, solidarity, congratulation, signing, normalization, rapprochement, apology ~0.5
CONCEDE
V: concede, apologize ~0.5, apologise ~0.5, yield, relent, back down, give in, compromise ~0.6, pardon, amnesty, ease ~0.7, lift ~0.7, relax ~0.6, soften ~0.5, acknowledge ~0.4, admit ~0.4, regret ~0.5, cave in, bow +pressure/demand/demands, accede, grant +amnesty/pardon/concession/autonomy/right/rights, accept +demand/demands/condition/conditions ~0.8, meet +demand/demands ~0.8, call off +strike/protest/boycott/demonstration/march/rally, end +strike/protest/boycott/sit-in ~0.7, drop +charge/charges/demand/demands/plan, scrap +plan/law/bill/tax, reverse +decision/policy/ban, suspend +protest/strike ~0.5, declare +ceasefire/truce ~0.7, announce +ceasefire/truce/withdrawal ~0.7, lift +ban/curfew/restriction/restrictions/emergency/measure/measures, ease +restriction/restrictions/curfew/measure/measures, shorten +curfew, cancel +restriction/restrictions/ban/curfew, allow +rally/protest/participation/opposition/election/elections ~0.7
N: concession, apology ~0.5, amnesty, pardon, compromise ~0.4, easing, lifting ~0.6, climbdown, u-turn
COOPERATE
V: cooperate, collaborate, partner, ally, coordinate, work together, join forces, team up, trade ~0.5, extradite ~0.9, hand over +suspect/fugitive ~0.8, share +intelligence/information/data/technology/evidence/expertise/experience/know-how/knowledge/findings, exchange +evidence/expertise/data/experience, exchange +intelligence/information/prisoner/prisoners/ambassador/ambassadors, hold +exercise/exercises/drill/drills/maneuver/manoeuvres ~0.5, conduct +exercise/exercises/drill/drills ~0.6, invest ~0.5, integrate ~0.4
N: cooperation, co-operation, collaboration, partnership, alliance, coalition ~0.5, exercise +joint, drill +joint, patrol +joint, operation +joint, exchange ~0.4, trade ~0.3, investment ~0.3, extradition ~0.9, sharing +intelligence/information, joint-exercise, game +war ~0.5, war-game ~0.5
AID
V: aid, help, assist, donate, provide ~0.5, supply ~0.6, deliver ~0.5, give ~0.3, grant ~0.5, fund ~0.6, finance ~0.6, lend ~0.6, rescue ~0.5, shelter ~0.5, evacuate ~0.4, airlift ~0.7, airdrop ~0.7, contribute ~0.5, pledge +aid/assistance/fund/funds/million/billion ~0.8, send +aid/assistance/relief/supply/supplies/food/medicine/help/convoy, hand over +aid/medicine/medicines/food/supply/supplies/equipment ~0.9
N: aid, assistance, help, donation, relief, grant ~0.6, loan ~0.6, funding ~0.5, support ~0.3, supplies ~0.5, package +aid/rescue/stimulus ~0.8, bailout, convoy +aid/humanitarian/relief
AID economic
V: lend, loan, fund, finance, bail out, grant +loan/credit/money/fund/funds, pledge +million/billion/dollar/dollars/fund/funds, forgive +debt
N: loan, credit ~0.5, grant ~0.6, bailout, aid +economic/financial/development, debt-relief, relief +debt
AID military
V: arm, equip, train ~0.4, supply +arm/arms/weapon/weapons/ammunition/tank/tanks/missile/missiles/jet/jets, send +weapon/weapons/arm/arms/troop/troops ~0.7, deliver +weapon/weapons/arm/arms/ammunition
N: aid +military/security, arms-supply, arms +supply/delivery/shipment/sale/package, weapons +supply/delivery/shipment/package, shipment +arm/arms/weapon/weapons
AID humanitarian
V: deliver +aid/food/relief/supply/supplies/medicine/water, distribute +aid/food/relief/supply/supplies, evacuate +wounded/injured/sick/civilian/civilians/refugee/refugees/resident/residents/casualty/casualties ~0.8, airdrop, airlift +aid/supply/supplies/food
N: aid +humanitarian/food/emergency/medical, relief +humanitarian/emergency/disaster, convoy +aid/humanitarian, supplies +humanitarian/food/medical/relief
AID asylum
V: grant +asylum/refuge/sanctuary, shelter ~0.5, take in +refugee/refugees/migrant/migrants
N: asylum, refuge ~0.5, sanctuary ~0.5
RETREAT
V: lift +sanction/sanctions/embargo/blockade/siege ~0.9, ease +sanction/sanctions/embargo/blockade ~0.9, retreat, back off, stand down, de-escalate, surrender ~0.7, capitulate, yield +territory/control/city/town
N: retreat, de-escalation, surrender ~0.6, capitulation
RETREAT withdraw
V: withdraw, pull out, pull back, leave ~0.3, evacuate ~0.4, abandon ~0.5, cede, hand over +control/territory/city/town/base/security/district/area/region/position/post/checkpoint, relinquish, vacate, redeploy ~0.4, fall back, lift +blockade/siege ~0.8, hand +control/base/post/checkpoint ~0.6, transfer +control/checkpoint/base/post ~0.6
N: withdrawal, pullout, pull-out, pullback, evacuation ~0.4, handover ~0.5
RETREAT release
V: release, free, set free, let go, pardon ~0.4, parole, exchange +prisoner/prisoners/detainee/detainees/hostage/hostages/captive/captives ~0.9, swap +prisoner/prisoners/hostage/hostages, hand over +prisoner/prisoners/hostage/hostages/body/bodies, repatriate ~0.5
N: release, freeing, prisoner-swap, swap +prisoner, exchange +prisoner/hostage, parole
RETREAT return
V: return +property/land/asset/assets/artefact/artifact/territory, restore +property/land, give back, hand back, pay +compensation/reparation/reparations ~0.8
N: return +property/land/asset/assets, restitution, repatriation ~0.4
RETREAT disarm
V: disarm, demobilize, demobilise, decommission, lay down +arm/arms/weapon/weapons, surrender +arm/arms/weapon/weapons, hand over +arm/arms/weapon/weapons/gun/guns ~0.8, give up +arm/arms/weapon/weapons ~0.8, disband, dismantle ~0.6
N: disarmament, demobilization, demobilisation, decommissioning, ddr
RETREAT ceasefire
V: observe +ceasefire/truce, respect +ceasefire/truce, hold ~0.2, halt +fighting/attack/attacks/offensive/operation/operations/hostilities, stop +fighting/attack/attacks/offensive/hostilities, cease +fire/hostilities/fighting
N: ceasefire, truce, cease-fire, armistice, lull ~0.5, pause +humanitarian/fighting, halt +fighting/hostilities
RETREAT access
V: allow +access/entry/inspector/inspectors/observer/observers/monitor/monitors/aid/convoy/convoys/peacekeeper/peacekeepers, admit +inspector/inspectors/observer/observers/monitor/monitors, open +border/crossing/corridor ~0.7, grant +access, let in +inspector/inspectors/aid/observers, receive +observer/observers/inspector/inspectors/peacekeeper/peacekeepers/monitor/monitors ~0.9
N: access +humanitarian, corridor +humanitarian/safe ~0.8, inspection ~0.4
RETREAT resign
V: resign, step down, quit ~0.7, stand down ~0.6, abdicate, leave +office/post/position ~0.8, step aside, bow out
N: resignation, abdication, departure ~0.3
"""
